"""The test suite's own guard (tests/network_guard.py) refuses non-loopback sockets."""

from __future__ import annotations

import socket

import pytest

import network_guard


@pytest.mark.parametrize(
    ("family", "address"), [(socket.AF_INET, ("192.0.2.1", 9)), (socket.AF_INET6, ("2001:db8::1", 9))]
)
def test_a_non_loopback_connect_is_refused_and_recorded(family, address):
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(network_guard.NetworkBlocked):
        sock.connect(address)
    assert network_guard.VIOLATIONS == [
        f"network guard: connect to {address[0]!r} (port 9) refused: tests use 127.0.0.1 only"
    ]
    network_guard.VIOLATIONS.clear()  # recorded violations fail the test at teardown


def test_a_name_lookup_is_refused():
    with pytest.raises(network_guard.NetworkBlocked):
        socket.getaddrinfo("example.org", 80)
    assert network_guard.VIOLATIONS == [
        "network guard: name lookup of 'example.org' refused: tests use 127.0.0.1 only"
    ]
    network_guard.VIOLATIONS.clear()


def test_loopback_passes():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    assert network_guard.VIOLATIONS == []
