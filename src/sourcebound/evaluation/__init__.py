"""Scorers that measure the extractors against annotated data."""
