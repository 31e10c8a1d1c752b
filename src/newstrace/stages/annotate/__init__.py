"""Annotate stage: sentences, dates and casualty counts of a clean text (char offsets)."""
