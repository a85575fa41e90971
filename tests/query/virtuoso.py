"""A real Virtuoso (Debian's ``virtuoso-opensource``) on 127.0.0.1, started and stopped by the tests.

The server gets a fresh database directory, free ports for SQL and HTTP, and an ini written here
(only loopback, no checkpoints, a bounded start). Where ``virtuoso-t`` is not installed the tests that
need it skip with the command that installs it.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from .server import free_port, terminate

START_TIMEOUT = 60.0
INSTALL_HINT = (
    "Virtuoso is not installed: sudo apt-get install virtuoso-opensource "
    "(Debian/Ubuntu; the tests start `virtuoso-t` themselves on 127.0.0.1)"
)
DBA_PASSWORD = "dba"  # a fresh database's default; the server listens on 127.0.0.1 only

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


class VirtuosoServer:
    def __init__(self, directory: Path):
        binary = virtuoso_binary()
        if binary is None:
            raise RuntimeError(INSTALL_HINT)
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.sql_port = free_port()
        self.http_port = free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.query_url = self.base + "/sparql"
        self.store_url = self.base + "/sparql-graph-crud"  # anonymous: needs GRANT SPARQL_UPDATE
        self.auth_store_url = self.base + "/sparql-graph-crud-auth"  # HTTP Digest
        ini = directory / "virtuoso.ini"
        ini.write_text(INI.format(dir=directory, sql_port=self.sql_port, http_port=self.http_port))
        self.log = directory / "virtuoso.log"
        self._out = (directory / "stdout.txt").open("wb")
        self.process = subprocess.Popen(
            [binary, "-f", "-c", str(ini)], cwd=directory, stdout=self._out, stderr=subprocess.STDOUT
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = self.log.read_text(errors="replace") if self.log.exists() else ""
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}: {log[-2000:]}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2) as response:
                    if response.status == 200:
                        return
            time.sleep(0.1)
        raise RuntimeError(f"virtuoso-t did not answer within {START_TIMEOUT} s")

    def sql(self, statement: str) -> str:
        """Run one SQL statement as dba with isql-vt (e.g. a GRANT)."""
        isql = shutil.which("isql-vt") or shutil.which("isql")
        if isql is None:
            raise RuntimeError("isql-vt is missing (package virtuoso-opensource-7-bin)")
        done = subprocess.run(
            [isql, f"127.0.0.1:{self.sql_port}", "dba", DBA_PASSWORD, f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt {statement!r}: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        terminate(self.process, grace=20)
        self._out.close()

    def __enter__(self) -> VirtuosoServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
