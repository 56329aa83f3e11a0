"""Turning documents into articles: parsing, text extraction, photos. Plain Python, no store."""
