"""Extraction rules as data: every rule is named, and every record says which rule produced it."""
