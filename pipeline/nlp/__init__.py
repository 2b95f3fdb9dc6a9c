"""Sentences, entity mentions, canonical entities across documents, aliases and co-occurrence."""
