"""API: the Python entry point (kommgraph.open) and the build pipeline."""
