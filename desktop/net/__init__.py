"""Fetching over HTTP for every layer that reads the outside world (feeds and pages in
``ingest``, figures in ``market``): limits, redirects, validators and decoding; no Qt here."""
