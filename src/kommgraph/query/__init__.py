"""Query: the stored-query catalogue, parameter binding, engines, results, push."""
