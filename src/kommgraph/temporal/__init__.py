"""Temporal: snapshots, lineage, as-known-at, conflicts, timelines."""
