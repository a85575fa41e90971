"""Parameters of the stored queries that find rows on the bundled data (the other queries run with
their defaults): parity over empty results would prove little."""

PARAMS = {
    "evidence": {
        "resource": "https://w3id.org/kommgraph/id/event/06412000/2018-06-01-renaming-stabsstelle-digitalisierung"
    },
    "functions-moved": {"pattern": "E-Government"},
    "lineage": {"unit": "https://w3id.org/kommgraph/id/unit/06412000/stabsstelle-e-government"},
    "replaced-units": {"pattern": "E-Government"},
    "units-on-date": {"authority": "06412000", "date": "2018-05-31"},
}
