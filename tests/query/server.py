"""A real `oxigraph serve` on 127.0.0.1 and a free port, started and stopped by the tests."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def terminate(process: subprocess.Popen, grace: float) -> None:
    """Stop a server process: SIGTERM, then SIGKILL when it has not ended after ``grace`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def oxigraph_binary() -> str:
    """The `oxigraph` command of the venv's `oxigraph` package (a hard requirement of these tests)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the query tests need the `oxigraph` server: pip install oxigraph")
    return found


class OxigraphServer:
    def __init__(self, location: Path, union_default_graph: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query_url = self.base + "/query"
        self.store_url = self.base + "/store"
        command = [
            oxigraph_binary(),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{self.port}",
        ]
        if union_default_graph:
            command.append("--union-default-graph")
        self.log = location.parent / f"{location.name}.log"
        self._log_handle = self.log.open("wb")
        self.process = subprocess.Popen(command, stdout=self._log_handle, stderr=subprocess.STDOUT)
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"oxigraph serve exited with {self.process.returncode}: {self.log.read_text()}"
                )
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=1) as response:
                    if response.status == 200:
                        return
            time.sleep(0.05)
        raise RuntimeError(f"oxigraph serve did not answer within {START_TIMEOUT} s")

    def stop(self) -> None:
        terminate(self.process, grace=10)
        self._log_handle.close()

    def __enter__(self) -> OxigraphServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
