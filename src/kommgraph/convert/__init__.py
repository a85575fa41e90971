"""German source documents to draft graphs: extraction, the draft graph, evaluation against gold."""
