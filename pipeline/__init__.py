"""Scraped Chinese web articles to clean DocBook 5 and typeset EPUB, PDF and DOCX."""

__version__ = "0.1.0"
