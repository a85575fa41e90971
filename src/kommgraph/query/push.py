"""``kommgraph push``: load the kommgraph graphs into a SPARQL server by the SPARQL 1.1 Graph Store Protocol.

Each graph kommgraph owns (ontology, reference, one per source, derived) is sent with HTTP ``PUT``,
which replaces that graph on the server and leaves every other graph alone. With
``with_default_graph`` the set merge of all of them (what the embedded store queries by default) also
replaces the server's default graph: use that on a server or dataset kept for kommgraph, so that
queries without GRAPH see exactly the data the embedded store sees.

Graphs are sent as N-Triples, lines sorted, so the same data gives the same request bodies. The
PUTs are not one transaction: a failure part-way leaves the graphs before it replaced.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pyoxigraph as ox

from kommgraph.query.engines import USER_AGENT, EndpointError, endpoint_error
from kommgraph.store.load import Loaded, graph_order

PUSH_TIMEOUT = 120.0
N_TRIPLES = "application/n-triples"
GSP_HINT = (
    "give the server's Graph Store Protocol URL, e.g. http://HOST:7878/store (Oxigraph) "
    "or http://HOST:3030/DATASET/data (Fuseki)"
)


@dataclass(frozen=True)
class Pushed:
    graph: str | None  # None: the default graph
    triples: int
    status: int

    @property
    def label(self) -> str:
        return self.graph or "(default graph)"


def owned_graphs(loaded: Loaded) -> list[str]:
    """The named graphs kommgraph owns, in dataset order: ontology, reference, each source, derived."""
    return graph_order(loaded)


def ntriples(store: ox.Store, graph: str | None) -> tuple[bytes, int]:
    """One graph of the store (None: the default graph) as sorted N-Triples, and its number of triples."""
    graph_name = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
    triples = [
        ox.Triple(q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, None, None, graph_name)
    ]
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""
    lines = sorted(line for line in text.splitlines() if line)
    return ("".join(line + "\n" for line in lines)).encode("utf-8"), len(lines)


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The URL of one graph: ``ENDPOINT?graph=IRI`` (indirect identification) or ``ENDPOINT?default``."""
    separator = "&" if "?" in endpoint else "?"
    query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    return endpoint + separator + query


def put_graph(endpoint: str, graph: str | None, body: bytes, timeout: float = PUSH_TIMEOUT) -> int:
    """Replace one graph on the server; the HTTP status (200, 201 or 204), or an EndpointError."""
    url = graph_store_url(endpoint, graph)
    request = urllib.request.Request(
        url, data=body, method="PUT", headers={"Content-Type": N_TRIPLES, "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked
            return response.status
    except Exception as exc:  # noqa: BLE001 - mapped to one error type with a clear message
        error = endpoint_error(exc, endpoint, timeout)
        if isinstance(exc, urllib.error.HTTPError) and exc.code in (400, 404, 405):
            error = EndpointError(f"{error}; {GSP_HINT}")
        raise error from exc


def push(
    loaded: Loaded,
    endpoint: str,
    *,
    with_default_graph: bool = False,
    timeout: float = PUSH_TIMEOUT,
    progress=None,
) -> list[Pushed]:
    """PUT every owned graph (and, if asked, the merged default graph) to the graph store ``endpoint``."""
    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"endpoint must be an http:// or https:// URL; got {endpoint!r}")
    targets: list[str | None] = list(owned_graphs(loaded))
    if with_default_graph:
        targets.append(None)
    pushed = []
    for graph in targets:
        body, count = ntriples(loaded.store, graph)
        status = put_graph(endpoint, graph, body, timeout)
        pushed.append(Pushed(graph, count, status))
        if progress is not None:
            progress(pushed[-1])
    return pushed
