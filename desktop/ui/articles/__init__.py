"""The article list: its model, rows, search, reloads, read marks and moving between articles."""
