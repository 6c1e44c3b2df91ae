"""The value readers: what a metadata line, a closing credit or a dateline says (the date, the outlet,
the people and their roles). `credits.py` is the learned reader (a character-level CRF); `values.py`
the rules that read labelled fields and normalise what was read (ISO 8601 dates with +08:00, names
joined as printed)."""
