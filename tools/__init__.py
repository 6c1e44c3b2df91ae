"""Tools for the corpus: import, render, review and check its pages (`python tools/corpus.py`)."""
