"""The market panel: rates and quotes, their tables, charts and the converter."""
