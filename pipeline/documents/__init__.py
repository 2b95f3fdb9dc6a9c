"""Seed files to decoded documents or quarantine rows, and the stories they share."""
