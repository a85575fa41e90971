"""Publish: the release files, dataset descriptions, pages, ontology docs, the server."""
