"""Helpers the check scripts share for the servers they start on loopback."""
import socket


def free_port_block(count, start, span=2000):
    """The first of `count` consecutive free loopback ports, trying blocks of ten from `start`."""
    for base in range(start, start + span, 10):
        if all(_free(port) for port in range(base, base + count)):
            return base
    raise SystemExit("no free ports")


def _free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
