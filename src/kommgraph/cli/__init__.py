"""CLI: click commands, thin wrappers over the library."""
