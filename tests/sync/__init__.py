"""Tests against real feed servers (tt-rss) and a second real client (newsboat)."""
