"""Finding a resource's file and line without reading every data file first.

``Locator`` (locate.py) tokenizes all files up front, which at 1M triples costs more than the
validation itself; this one asks the store which named graphs state the resource and reads only
the files of those graphs, each once. It answers as ``Locator.find`` does.
"""

from __future__ import annotations

import pyoxigraph as ox

from kommgraph.store.dataset import GraphFile
from kommgraph.validation.locate import subject_lines


class LazyLocator:
    def __init__(self, files: list[GraphFile], store: ox.Store):
        self.files = [f for f in files if f.kind != "ontology"]
        self.store = store
        self._lines: dict[str, dict[str, int]] = {}  # file path -> subject -> line

    def _lines_of(self, graph_file: GraphFile) -> dict[str, int]:
        key = str(graph_file.path)
        if key not in self._lines:
            self._lines[key] = subject_lines(graph_file.path.read_text(encoding="utf-8"))
        return self._lines[key]

    def entries(self, iri: str) -> list[tuple[GraphFile, int]]:
        """Every file (in data-directory order) where ``iri`` is the subject of a statement, with its line."""
        graphs = {
            q.graph_name.value
            for q in self.store.quads_for_pattern(ox.NamedNode(iri), None, None)
            if isinstance(q.graph_name, ox.NamedNode)
        }
        found = []
        for graph_file in self.files:
            if graph_file.graph in graphs:
                line = self._lines_of(graph_file).get(iri)
                if line is not None:
                    found.append((graph_file, line))
        return found

    def find(self, iri: str, graphs: list[str] | None = None) -> tuple[str, int] | None:
        """The file and line of ``iri``, preferring the files loaded into ``graphs`` (in their order)."""
        if not iri.startswith(("http://", "https://", "urn:")):
            return None
        try:
            entries = self.entries(iri)
        except ValueError:  # not an IRI Oxigraph accepts
            return None
        for graph in graphs or []:
            for graph_file, line in entries:
                if graph_file.graph == graph:
                    return str(graph_file.path), line
        return (str(entries[0][0].path), entries[0][1]) if entries else None
