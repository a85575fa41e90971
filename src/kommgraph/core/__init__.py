"""Core: vocabulary, dates, media types, canonical Turtle, paths; imports nothing of kommgraph."""
