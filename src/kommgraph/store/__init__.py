"""Store: finding and loading the data directory, named graphs, derivation rules."""
