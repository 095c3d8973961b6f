"""Connection hygiene under a slowloris and idle-connection flood, on loopback against the real
GuardrailsService (.build/debug): 2,000 connections held open (half silent, half trickling a
request head one byte at a time) while a new client keeps being served; the server closes them
after the idle / head-read timeout (HTTP_IDLE_TIMEOUT_SECONDS) and never holds more than
HTTP_MAX_CONNECTIONS. And SIGTERM in the middle of adversarial checks ends the process cleanly.

Needs no database: runs everywhere `make test` runs (the executables must be built)."""
import http.client
import json
import pathlib
import resource
import socket
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "deploy" / "tests"))
from support import BIN, Service  # noqa: E402

HELD = 2_000
IDLE_TIMEOUT = 3


def open_connections(port, count):
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.setblocking(False)
        sockets.append(s)
    return sockets


def closed_by_server(s):
    """True when the server has closed the socket (end of stream or reset), without waiting."""
    try:
        while True:
            data = s.recv(4096)
            if data == b"":
                return True
    except BlockingIOError:
        return False
    except OSError:
        return True


@unittest.skipUnless((BIN / "GuardrailsService").exists(), "build the executables first (make test builds them)")
class ConnectionHygieneTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < HELD + 200:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, HELD + 1_000), hard))
        cls.dir = pathlib.Path(tempfile.mkdtemp(prefix="connections-"))
        env = {"HOST": "127.0.0.1", "LOG_LEVEL": "warning", "GUARDRAILS_HASH_SECRET": "connections-hash-secret-0123456789",
               "HTTP_IDLE_TIMEOUT_SECONDS": str(IDLE_TIMEOUT), "HTTP_MAX_CONNECTIONS": str(HELD + 100), "PATH": "/usr/bin:/bin"}
        cls.service = Service("GuardrailsService", cls.dir, env)
        cls.service.start()
        cls.service.wait_ready()

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()

    def check(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.service.port, timeout=5)
        started = time.monotonic()
        connection.request("POST", "/v1/check", json.dumps({"text": "what is my balance", "direction": "input"}),
                           {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status, time.monotonic() - started

    def test_new_clients_are_served_while_2000_connections_are_held_and_then_reclaimed(self):
        held = open_connections(self.service.port, HELD)
        stop = threading.Event()

        def trickle():
            # Half of them send a request head one byte at a time and never finish it.
            head = b"POST /v1/check HTTP/1.1\r\nHost: x\r\nX-Slow: "
            position = 0
            while not stop.is_set():
                for s in held[: HELD // 2]:
                    try:
                        s.send(head[position % len(head):position % len(head) + 1])
                    except OSError:
                        pass
                position += 1
                stop.wait(0.5)

        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()
        try:
            latencies = []
            for _ in range(40):
                status, seconds = self.check()
                self.assertEqual(status, 200)
                latencies.append(seconds)
                time.sleep(0.02)
            self.assertLess(max(latencies), 2.0, f"slowest check {max(latencies):.2f}s while {HELD} connections were held")
            # Past the timeout the server has closed both the silent and the trickling ones.
            deadline = time.monotonic() + IDLE_TIMEOUT * 4 + 5
            while time.monotonic() < deadline:
                still_open = [s for s in held if not closed_by_server(s)]
                if not still_open:
                    break
                time.sleep(0.5)
            self.assertEqual(len([s for s in held if not closed_by_server(s)]), 0, "connections the server never closed")
            status, _ = self.check()
            self.assertEqual(status, 200)
        finally:
            stop.set()
            trickler.join()
            for s in held:
                s.close()



@unittest.skipUnless((BIN / "GuardrailsService").exists(), "build the executables first (make test builds them)")
class ShutdownUnderLoadTests(unittest.TestCase):
    """The abuse test saw a process stuck in a super-linear scan ignore SIGTERM. Scans are
    linear and bounded per request now: SIGTERM while connections keep sending large adversarial
    checks ends the process cleanly, well inside a container's grace period."""

    def test_sigterm_mid_scan_exits_cleanly(self):
        directory = pathlib.Path(tempfile.mkdtemp(prefix="shutdown-"))
        env = {"HOST": "127.0.0.1", "LOG_LEVEL": "warning", "GUARDRAILS_HASH_SECRET": "shutdown-hash-secret-0123456789", "PATH": "/usr/bin:/bin"}
        service = Service("GuardrailsService", directory, env)
        service.start()
        service.wait_ready()
        body = json.dumps({"items": [{"text": "1 " * 2_500, "direction": "input"}] * 4})
        stop = threading.Event()
        answered = []

        def attack():
            while not stop.is_set():
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
                    connection.request("POST", "/v1/check/batch", body, {"Content-Type": "application/json"})
                    answered.append(connection.getresponse().status)
                    connection.close()
                except OSError:
                    time.sleep(0.05)

        attackers = [threading.Thread(target=attack, daemon=True) for _ in range(4)]
        for thread in attackers:
            thread.start()
        try:
            time.sleep(2)
            self.assertTrue(answered, "no attack request was answered before the signal")
            started = time.monotonic()
            service.process.terminate()
            code = service.process.wait(timeout=25)
            seconds = time.monotonic() - started
            self.assertEqual(code, 0, (directory / "GuardrailsService.log").read_text()[-1500:])
            self.assertLess(seconds, 20, f"took {seconds:.1f}s to stop")
            print(f"\nSIGTERM under 4 connections of adversarial batches: exited 0 after {seconds:.1f} s, {len(answered)} requests answered")
            self.assertTrue(all(status in (200, 503) for status in answered), set(answered))
        finally:
            stop.set()
            for thread in attackers:
                thread.join(timeout=5)
            service.stop()


if __name__ == "__main__":
    unittest.main()
