"""The reading column: the reader, its toolbar, text size and pictures."""
