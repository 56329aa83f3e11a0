"""Sections and subscriptions: the pane, and sources added, edited, imported, refreshed."""
