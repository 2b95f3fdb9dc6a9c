"""Page chrome removed from plain-text news pages, with an audit of every line, and their metadata.

`clean_text` and `clean_document` are the public entry points (outside scorers import them from here).
"""

from pipeline.cleaning.cleaner import CleanResult, Removal, clean_document, clean_text

__all__ = ["CleanResult", "Removal", "clean_document", "clean_text"]
