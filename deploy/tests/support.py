"""Shared by the Python suites that run against the test PostgreSQL + pgvector (the twin, the
live monitoring check, the fault suite, the API suite): its URL, whether the suite must run,
psql, a throwaway database per suite, free loopback ports, and the built services as processes."""
import os
import pathlib
import socket
import subprocess
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATABASE = os.environ.get("TEST_DATABASE_URL")
# CI sets TEST_DATABASE_URL (.ci/run starts the server); there the suites fail, never skip.
MUST_RUN = bool(DATABASE) or bool(os.environ.get("CI"))
BIN = ROOT / ".build" / "debug"
PSQL = str(pathlib.Path(os.environ["PG_TEST_BIN"]) / "psql") if os.environ.get("PG_TEST_BIN") else "psql"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def create_database(prefix):
    """A new empty database on the test server: (name, URL)."""
    if not DATABASE:
        raise AssertionError("CI is set but TEST_DATABASE_URL is not")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    subprocess.run([PSQL, DATABASE, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    return name, DATABASE.rsplit("/", 1)[0] + "/" + name


def drop_database(name):
    subprocess.run([PSQL, DATABASE, "-q", "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


def sql(url, query):
    return subprocess.run([PSQL, url, "-Atc", query], capture_output=True, text=True, check=True).stdout.strip()


class Service:
    """One built executable (.build/debug) on a free loopback port, logging to `directory`."""

    def __init__(self, name, directory, env):
        self.name, self.port, self.env, self.directory = name, free_port(), env, directory
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        log = open(self.directory / f"{self.name}.log", "a")
        self.process = subprocess.Popen([str(BIN / self.name)], env=dict(self.env, PORT=str(self.port)), stdout=log, stderr=log)
        log.close()

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if subprocess.run([str(BIN / self.name), "healthcheck", self.url + "/ready"], capture_output=True).returncode == 0:
                return
            time.sleep(0.2)
        raise AssertionError(f"{self.name} not ready: " + (self.directory / f"{self.name}.log").read_text()[-1500:])

    def kill(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
