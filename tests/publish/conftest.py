"""Fixtures of the publishing tests: one static release of the bundled data, a test client of the
server, and a real ``kommgraph serve`` on 127.0.0.1 (started and stopped by the fixture)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kommgraph.publish.release import publish

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def release(tmp_path_factory) -> Path:
    """The bundled data published with --static, once per session (treat as read-only)."""
    out = tmp_path_factory.mktemp("release") / "dist"
    result = publish(DATA, out, static=True)
    assert result.files, "the bundled data must publish without violations"
    return out


@pytest.fixture(scope="session")
def app():
    from kommgraph.publish.server import load_app

    return load_app(DATA, timeout=1.5, max_rows=1000)


@pytest.fixture(scope="session")
def client(app):
    from starlette.testclient import TestClient

    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serving(folder: Path, *options: str):
    """``kommgraph serve OPTIONS`` in a subprocess on a free port of 127.0.0.1; yields its base URL."""
    port = _free_port()
    log = folder / f"serve-{port}.log"
    env = {**os.environ, "KOMMGRAPH_DATA": str(DATA)}
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kommgraph",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                *options,
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"kommgraph serve ended early: {log.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(url + "index.html", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"kommgraph serve gave no answer in 60 s: {log.read_text(errors='replace')}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """``kommgraph serve`` in a subprocess on a free port; yields its base URL."""
    with serving(tmp_path_factory.mktemp("server"), "--timeout", "5") as url:
        yield url
