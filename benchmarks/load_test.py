"""Load test of ``kommgraph serve`` beside ``oxigraph serve`` (not a test of the suite; issue 15).

    python benchmarks/load_test.py [--requests 2000] [--concurrency 8] [--write]

Starts both servers on 127.0.0.1 (free ports) over the bundled data (the merged default graph, the
same triples in both), then, with one runaway query running in the background on the server under
test all the time (each is stopped by the server's 10 s limit and sent again):

1. *mixed*: ``--requests`` requests to ``kommgraph serve``, ``--concurrency`` at a time: HTML pages,
   Turtle documents and SPARQL (the stored queries with their default parameters), in a fixed shuffled
   order;
2. *SPARQL*: the same number of SPARQL requests to ``kommgraph serve``, then to ``oxigraph serve``.

Every request has a 30 s timeout and the whole run a deadline (``--deadline``, 600 s). Prints a table;
``--write`` puts it into the "## Server load" section of BENCHMARKS.md. Exit code 1 when a target is
missed: no errors, mixed p99 under 500 ms, SPARQL throughput within 2x of oxigraph serve.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
BENCHMARKS = ROOT / "BENCHMARKS.md"
SECTION = "## Server load"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 30.0


@dataclass
class Run:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    def row(self) -> str:
        count = len(self.latencies) + len(self.errors)
        return (
            f"| {self.name} | {count} | {len(self.errors)} | {count / self.seconds:,.0f} | "
            f"{self.percentile(50):.0f} | {self.percentile(99):.0f} | {max(self.latencies) * 1000:.0f} |"
        )


def throughput(run: Run) -> float:
    return len(run.latencies) / run.seconds


def combine(name: str, runs: list[Run]) -> Run:
    return Run(
        name,
        [t for r in runs for t in r.latencies],
        [e for r in runs for e in r.errors],
        sum(r.seconds for r in runs),
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, path: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"a server ended early (exit {process.returncode})")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer on port {port} within {seconds:g} s")


def dataset_nquads() -> bytes:
    """What kommgraph serve queries: the named graphs and their merge as the default graph (rules applied)."""
    import pyoxigraph as ox

    from kommgraph.publish.release import Site, rebased_store
    from kommgraph.store.load import load

    store = rebased_store(load(DATA).store, Site())
    return ox.serialize(list(store), format=ox.RdfFormat.N_QUADS)


def sparql_requests(endpoint: str) -> list[tuple[str, str, bytes | None]]:
    """The stored queries with their sample parameters, POSTed as a form (as SPARQLWrapper does for long
    queries: the longest is 8.7 KB URL-encoded, over oxigraph serve's 8 KB header limit)."""
    from kommgraph.query import catalogue as queries

    requests = []
    for _, stored in sorted(queries.catalogue().items()):
        text = stored.bind(queries.sample_values(stored))
        requests.append(("POST", endpoint, urllib.parse.urlencode({"query": text}).encode("utf-8")))
    return requests


def document_paths() -> tuple[list, list]:
    """HTML pages and Turtle documents of every resource the server describes."""
    from kommgraph.publish.release import Site, rebased_store, resources
    from kommgraph.store.load import load

    site = Site()
    local = [site.local(iri) for iri in resources(rebased_store(load(DATA).store, site), site)]
    local = [path for path in local if path]
    pages = [("GET", path, None) for path in ["/", *[f"/doc/{p}.html" for p in local]]]
    return pages, [("GET", f"/doc/{p}.ttl", None) for p in local]


def hammer(port: int, requests: list, concurrency: int, name: str, headers: dict, deadline: float) -> Run:
    run = Run(name)
    lock = threading.Lock()
    chunks = [requests[i::concurrency] for i in range(concurrency)]

    def client(chunk: list) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        for method, path, body in chunk:
            if time.monotonic() > deadline:
                with lock:
                    run.errors.append("deadline")
                continue
            started = time.perf_counter()
            try:
                accept = "text/turtle" if path.endswith(".ttl") else headers.get("Accept", "*/*")
                sent = {**headers, "Accept": accept}
                if body is not None:
                    sent["Content-Type"] = "application/x-www-form-urlencoded"
                connection.request(method, path, body=body, headers=sent)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
                problem = f"{response.status} {path[:80]}"
            except OSError as exc:
                ok, problem = False, f"{type(exc).__name__} {path[:80]}"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            elapsed = time.perf_counter() - started
            with lock:
                (run.latencies.append(elapsed) if ok else run.errors.append(problem))
        connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(client, chunks))
    run.seconds = time.perf_counter() - started
    return run


class Runaway:
    """One runaway query at a time in the background, sent again whenever the server stops it."""

    def __init__(self, port: int, endpoint: str, off: bool = False):
        self.port = port
        self.endpoint = endpoint
        self.off = off
        self.stop = threading.Event()
        self.answers: list[int] = []
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def loop(self) -> None:
        path = self.endpoint + "?" + urllib.parse.urlencode({"query": RUNAWAY})
        while not self.stop.is_set():
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
                connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                self.answers.append(connection.getresponse().status)
                connection.close()
            except OSError:
                self.answers.append(0)

    def __enter__(self):
        if not self.off:
            self.thread.start()
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        if not self.off:
            self.thread.join(
                timeout=TIMEOUT
            )  # its last query ends (stopped by the limit) before the next run


def start_kommgraph(port: int) -> subprocess.Popen:
    env = {**os.environ, "KOMMGRAPH_DATA": str(DATA)}
    command = [sys.executable, "-m", "kommgraph", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def start_oxigraph(port: int, folder: Path) -> subprocess.Popen:
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        raise SystemExit("oxigraph serve is needed: pip install oxigraph")
    (folder / "data.nq").write_bytes(dataset_nquads())
    subprocess.run(
        [binary, "load", "--location", str(folder / "store"), "--file", str(folder / "data.nq")],
        check=True,
        capture_output=True,
    )
    command = [
        binary,
        "serve-read-only",
        "--location",
        str(folder / "store"),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout-s",
        "10",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds for the whole run")
    parser.add_argument("--rounds", type=int, default=2, help="alternating SPARQL rounds per server")
    parser.add_argument("--write", action="store_true", help="write the results into BENCHMARKS.md")
    parser.add_argument("--no-runaway", action="store_true", help="without the runaway query (a comparison)")
    args = parser.parse_args()
    deadline = time.monotonic() + args.deadline
    rng = random.Random(15)
    kommgraph_port, oxigraph_port = free_port(), free_port()
    pages, turtle = document_paths()
    kinds = [pages] * 4 + [turtle] * 3 + [sparql_requests("/sparql")] * 3
    mixed = [rng.choice(rng.choice(kinds)) for _ in range(args.requests)]
    order = [i % 10 for i in range(args.requests // args.rounds)]
    rng.shuffle(order)
    json_results = {"Accept": "application/sparql-results+json"}
    runs = {name: [] for name in ("mixed", "kommgraph", "oxigraph")}
    runaway_answers: dict[str, list[int]] = {"kommgraph serve": [], "oxigraph serve": []}
    with tempfile.TemporaryDirectory() as folder:
        kommgraph = start_kommgraph(kommgraph_port)
        oxigraph = start_oxigraph(oxigraph_port, Path(folder))
        try:
            started = time.monotonic()
            wait_for(kommgraph_port, "/index.html", kommgraph)
            startup = time.monotonic() - started
            wait_for(oxigraph_port, "/query?query=ASK%7B%7D", oxigraph)
            with Runaway(kommgraph_port, "/sparql", args.no_runaway) as runaway:
                runs["mixed"].append(
                    hammer(
                        kommgraph_port, mixed, args.concurrency, "mixed", {"Accept": "text/html"}, deadline
                    )
                )
            runaway_answers["kommgraph serve"] += runaway.answers
            # SPARQL in alternating rounds, so that a change of the machine's load hits both servers
            for _ in range(args.rounds):
                for name, port, endpoint in (
                    ("kommgraph", kommgraph_port, "/sparql"),
                    ("oxigraph", oxigraph_port, "/query"),
                ):
                    requests = sparql_requests(endpoint)
                    with Runaway(port, endpoint, args.no_runaway) as runaway:
                        runs[name].append(
                            hammer(
                                port,
                                [requests[i] for i in order],
                                args.concurrency,
                                name,
                                json_results,
                                deadline,
                            )
                        )
                    runaway_answers[f"{name} serve"] += runaway.answers
        finally:
            stop(kommgraph)
            stop(oxigraph)
    results = [
        combine("kommgraph serve: mixed", runs["mixed"]),
        combine("kommgraph serve: SPARQL", runs["kommgraph"]),
        combine("oxigraph serve: SPARQL", runs["oxigraph"]),
    ]
    mixed_run, sparql_run, oxigraph_run = results
    ratio = (len(oxigraph_run.latencies) / oxigraph_run.seconds) / (
        len(sparql_run.latencies) / sparql_run.seconds
    )
    checks = [
        ("no errors", not any(r.errors for r in results)),
        ("mixed p99 under 500 ms", mixed_run.percentile(99) < 500),
        ("SPARQL throughput within 2x of oxigraph serve", ratio <= 2.0),
    ]
    report = render(args, results, ratio, checks, startup, runaway_answers)
    print(report)
    if args.write:
        write_section(report)
    for run in results:
        for problem in run.errors[:5]:
            print(f"error in {run.name}: {problem}", file=sys.stderr)
    return 0 if all(ok for _, ok in checks) else 1


def render(args, results, ratio, checks, startup, runaway_answers) -> str:
    if args.no_runaway:
        runaway_answers = {"none (--no-runaway)": []}
    lines = [
        SECTION,
        "",
        f"`python benchmarks/load_test.py --requests {args.requests} --concurrency {args.concurrency} "
        f"--rounds {args.rounds}` "
        f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs shared "
        f"with the load generator and, here, other work: load average {os.getloadavg()[1]:.1f} over the "
        "last 5 minutes at the end; all on 127.0.0.1). One runaway query runs in the background against the "
        "server under test all the time (stopped by the 10 s limit, then sent again). kommgraph serve: "
        "4 worker processes (default), one of them always busy with the runaway query. oxigraph serve: "
        "`serve-read-only --timeout-s 10` over the same quads (named graphs and their merge as default "
        "graph). SPARQL: the 10 stored queries with "
        "sample parameters, POSTed as forms, in alternating rounds (kommgraph, oxigraph, kommgraph, …) "
        "of requests/rounds each.",
        "",
        "| run | requests | errors | requests/s | p50 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *[run.row() for run in results],
        "",
        f"kommgraph serve started in {startup:.1f} s (timelines drawn, workers ready). oxigraph serve "
        f"answers SPARQL {ratio:.2f}x as fast. Runaway answers: "
        + "; ".join(
            f"{name}: {', '.join(str(s) for s in sorted(set(codes)))} ({len(codes)} sent)"
            for name, codes in runaway_answers.items()
        )
        + ".",
        "",
        *[f"- {'met' if ok else 'MISSED'}: {name}" for name, ok in checks],
        "",
        "Mixed = 40 % HTML pages (index and every resource), 30 % Turtle documents, 30 % SPARQL (the "
        "stored queries), in a fixed shuffled order.",
    ]
    return "\n".join(lines) + "\n"


def write_section(report: str) -> None:
    """Put ``report`` in place of the "## Server load" section of BENCHMARKS.md (other sections stay)."""
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: report + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + report
    BENCHMARKS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
