"""SPARQL query workers: a pool of processes, each with a copy of the data, behind a bounded queue.

An in-process Oxigraph query cannot be interrupted, so queries run in worker processes and a query
over its limit is stopped by ending its process. The limit counts from the request's arrival (time
spent waiting for a free worker counts too), so a client waits at most the limit whatever runs before
it. A stopped worker is replaced at once by a spare process started ahead of time, and a new spare
is started in the background. More requests than ``size + queue_limit`` get ``Busy`` (503 with
Retry-After) without waiting.

This module imports neither Starlette nor the rest of the server: the worker processes import it.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

import pyoxigraph as ox

DEFAULT_TIMEOUT = 10.0  # seconds per SPARQL query, from its arrival
DEFAULT_MAX_ROWS = 10_000  # solutions or triples per SPARQL result
DEFAULT_WORKERS = 4
DEFAULT_QUEUE = 32  # requests waiting for a worker beyond those running
WORKER_START_TIMEOUT = 120.0
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": None,  # written by rdflib (pyoxigraph 0.5 has no JSON-LD writer)
}


class QueryTimeout(RuntimeError):
    """The query did not finish (or found no free worker) within the limit counted from its arrival."""


class Busy(RuntimeError):
    """The queue is full: the request is refused at once."""


@dataclass(frozen=True)
class Job:
    """One SPARQL query as the worker runs it. ``results_format``/``graph_format``: a key of
    ``RESULT_FORMATS``/``GRAPH_FORMATS``, or None when the client accepts none (answer 406)."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    results_format: str | None = "json"
    graph_format: str | None = "turtle"


# ------------------------------------------------------------------------ inside the worker process


def worker_main(read_fd: int, write_fd: int) -> None:  # pragma: no cover - runs in the child process
    """The worker's loop: receive the data, then answer jobs until the pipe closes."""
    incoming = Connection(read_fd, writable=False)
    outgoing = Connection(write_fd, readable=False)
    payload, max_rows = incoming.recv()
    store = ox.Store()
    store.load(payload, format=ox.RdfFormat.N_QUADS)
    outgoing.send(("ready",))
    while True:
        try:
            job = incoming.recv()
        except EOFError:
            return
        if job is None:
            return
        outgoing.send(answer(store, max_rows, job))


def answer(store: ox.Store, max_rows: int, job: Job) -> tuple:
    """``("ok", body, format key)`` or ``(error kind, message)``; kinds: syntax, too-large,
    not-acceptable, error."""
    try:
        options = {}
        if job.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryBoolean | ox.QuerySolutions):
            if job.results_format is None:
                return ("not-acceptable", "results")
            if isinstance(result, ox.QuerySolutions):
                variables = [v.value for v in result.variables]
                rows = list(itertools.islice(result, max_rows + 1))
                if len(rows) > max_rows:
                    return ("too-large", f"the result has more than {max_rows} rows; add a LIMIT")
                if job.results_format == "json":  # written here: the query runs once
                    return ("ok", json_results(variables, rows), "json")
                result = store.query(job.query, **options)
            body = result.serialize(format=RESULT_FORMATS[job.results_format])
            return ("ok", body, job.results_format)
        if job.graph_format is None:
            return ("not-acceptable", "graph")
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            return ("too-large", f"the result has more than {max_rows} triples; add a LIMIT")
        return ("ok", write_graph(triples, job.graph_format), job.graph_format)
    except SyntaxError as exc:
        return ("syntax", f"query syntax: {exc.msg if hasattr(exc, 'msg') else exc}")
    except (OSError, ValueError, TypeError) as exc:
        return ("error", str(exc))


def json_results(variables: list[str], rows: list[ox.QuerySolution]) -> bytes:
    """SPARQL 1.1 Query Results JSON of solutions already read (pyoxigraph writes only a live result)."""
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = json_term(term)
        bindings.append(binding)
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}  # RDF-star; kommgraph data has none


def write_graph(triples: list, fmt: str) -> bytes:
    if GRAPH_FORMATS[fmt] is not None:
        return ox.serialize(triples, format=GRAPH_FORMATS[fmt])
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph.serialize(format="json-ld", auto_compact=False).encode("utf-8")


# ----------------------------------------------------------------------------- in the server process


class Worker:
    """One worker process talking over two pipes (a plain subprocess, so no ``__main__`` is re-imported)."""

    def __init__(self, payload: bytes, max_rows: int):
        to_child_read, to_child_write = os.pipe()
        from_child_read, from_child_write = os.pipe()
        code = (
            "from kommgraph.publish.server.workers import worker_main; "
            f"worker_main({to_child_read}, {from_child_write})"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], pass_fds=(to_child_read, from_child_write), stdin=subprocess.DEVNULL
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self.sender = Connection(to_child_write, readable=False)
        self.receiver = Connection(from_child_read, writable=False)
        self.sender.send((payload, max_rows))
        if not self.receiver.poll(WORKER_START_TIMEOUT):
            self.kill()
            raise RuntimeError("a SPARQL worker did not start")
        self.receiver.recv()

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.sender.close()
        self.receiver.close()


class WorkerPool:
    """``size`` workers plus ``spares`` started ahead; ``run`` blocks the calling thread (not the event
    loop) until the answer, a ``QueryTimeout`` or a ``Busy``."""

    def __init__(
        self,
        store: ox.Store,
        size: int = DEFAULT_WORKERS,
        timeout: float = DEFAULT_TIMEOUT,
        max_rows: int = DEFAULT_MAX_ROWS,
        queue_limit: int = DEFAULT_QUEUE,
        spares: int = 1,
    ):
        self.size = size
        self.timeout = timeout
        self.max_rows = max_rows
        self.queue_limit = queue_limit
        self.spares_wanted = spares
        self._payload = ox.serialize(list(store), format=ox.RdfFormat.N_QUADS)
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._spares: queue.Queue[Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._pending = 0  # requests running or waiting
        self._started = False
        self._generation = 0  # stop() ends a generation; workers of an ended one are not kept
        self._all: set[Worker] = set()

    @property
    def retry_after(self) -> int:
        """Seconds a refused client should wait: one query limit."""
        return max(1, round(self.timeout))

    def start(self) -> None:
        """Start the workers in the background (idempotent); queries wait for the first free one."""
        with self._lock:
            if self._started:
                return
            self._started = True
            self._idle, self._spares = queue.Queue(), queue.Queue()
        for _ in range(self.size):
            self._start_in_background(self._idle)
        for _ in range(self.spares_wanted):
            self._start_in_background(self._spares)

    def wait_ready(self, timeout: float = WORKER_START_TIMEOUT) -> bool:
        """Wait until every worker has started (a server's start-up); False after ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self._all) >= self.size + self.spares_wanted:
                    return True
            time.sleep(0.02)
        return False

    def _start_in_background(self, into: queue.Queue) -> None:
        generation = self._generation

        def start() -> None:
            try:
                worker = Worker(self._payload, self.max_rows)
            except (OSError, RuntimeError):
                return
            with self._lock:
                if generation != self._generation:
                    worker.kill()
                    return
                self._all.add(worker)
            into.put(worker)

        threading.Thread(target=start, name="kommgraph-worker-start", daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            self._started = False
            workers, self._all = list(self._all), set()
        for worker in workers:
            try:
                worker.sender.send(None)
            except OSError:
                pass
            worker.kill()

    def run(self, job: Job, arrived: float | None = None) -> tuple:
        """The worker's answer; the limit counts from ``arrived`` (``time.monotonic()``)."""
        deadline = (arrived if arrived is not None else time.monotonic()) + self.timeout
        self.start()
        with self._lock:
            if self._pending >= self.size + self.queue_limit:
                raise Busy(f"{self._pending} queries are running or waiting; try again later")
            self._pending += 1
        try:
            return self._run(job, deadline)
        finally:
            with self._lock:
                self._pending -= 1

    def _run(self, job: Job, deadline: float) -> tuple:
        limit = f"the query ran longer than {self.timeout:g} s and was stopped"
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise QueryTimeout(f"no worker became free within {self.timeout:g} s") from None
            if worker.alive():
                break
            self._replace(worker)
        try:
            worker.sender.send(job)
            if not worker.receiver.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise QueryTimeout(limit)
            reply = worker.receiver.recv()
        except (OSError, EOFError) as exc:
            self._replace(worker)
            raise QueryTimeout(f"the worker failed ({type(exc).__name__}) and was replaced") from exc
        self._idle.put(worker)
        return reply

    def _replace(self, worker: Worker) -> None:
        """End ``worker``; a spare takes its place at once, and a new spare starts in the background."""
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        try:
            spare = self._spares.get_nowait()
        except queue.Empty:
            self._start_in_background(self._idle)
            return
        self._idle.put(spare)
        self._start_in_background(self._spares)
