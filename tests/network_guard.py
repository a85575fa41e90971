"""A pytest plugin: any test that opens a socket to a non-loopback address fails.

Registered by ``pytest_plugins`` in tests/conftest.py. ``connect``, ``connect_ex``, ``sendto`` and
``bind`` of every socket in the test process, and name lookups (``getaddrinfo``: DNS is network too),
are checked: loopback (127.0.0.0/8, ::1, ``localhost``) and Unix sockets pass; anything else raises
``NetworkBlocked`` before a packet leaves, and the test fails even when the code under test catches the
exception. Subprocesses (``kommgraph serve``, Chromium) are not covered: their tests bind 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

VIOLATIONS: list[str] = []
_ORIGINAL = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "sendto": socket.socket.sendto,
    "bind": socket.socket.bind,
    "getaddrinfo": socket.getaddrinfo,
}


class NetworkBlocked(OSError):
    """The test tried to reach a non-loopback address."""


def is_loopback(host) -> bool:
    if host in ("localhost", "", None) or (isinstance(host, str) and host.endswith(".localhost")):
        return host != ""  # "" (any interface) is not loopback
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(sock, address, what: str) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        return
    if not is_loopback(address[0]):
        message = (
            f"network guard: {what} to {address[0]!r} (port {address[1]}) refused: tests use 127.0.0.1 only"
        )
        VIOLATIONS.append(message)
        raise NetworkBlocked(message)


def _connect(self, address):
    _check(self, address, "connect")
    return _ORIGINAL["connect"](self, address)


def _connect_ex(self, address):
    _check(self, address, "connect")
    return _ORIGINAL["connect_ex"](self, address)


def _sendto(self, data, *args):
    _check(self, args[-1], "sendto")
    return _ORIGINAL["sendto"](self, data, *args)


def _bind(self, address):
    if isinstance(address, tuple) and address[0] in ("", "0.0.0.0", "::"):
        _check(self, address, "bind")
    return _ORIGINAL["bind"](self, address)


def _getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name is not None and not is_loopback(name):
        message = f"network guard: name lookup of {name!r} refused: tests use 127.0.0.1 only"
        VIOLATIONS.append(message)
        raise NetworkBlocked(message)
    return _ORIGINAL["getaddrinfo"](host, *args, **kwargs)


def pytest_configure(config) -> None:
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.socket.sendto = _sendto
    socket.socket.bind = _bind
    socket.getaddrinfo = _getaddrinfo


def pytest_unconfigure(config) -> None:
    for name in ("connect", "connect_ex", "sendto", "bind"):
        setattr(socket.socket, name, _ORIGINAL[name])
    socket.getaddrinfo = _ORIGINAL["getaddrinfo"]


@pytest.fixture(autouse=True)
def _no_outbound_network():
    VIOLATIONS.clear()
    yield
    if VIOLATIONS:
        found, VIOLATIONS[:] = list(VIOLATIONS), []
        pytest.fail("\n".join(found), pytrace=False)
