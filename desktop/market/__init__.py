"""Currency rates and stock quotes: rebasing, names, freshness. Plain Python, no store."""
