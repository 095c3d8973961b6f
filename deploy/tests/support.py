"""Shared by the Python suites that run against the test PostgreSQL + pgvector (the twin, the
live monitoring check, the fault suite): its URL, whether the suite must run, psql, a
throwaway database per suite, and free loopback ports."""
import os
import pathlib
import socket
import subprocess
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATABASE = os.environ.get("TEST_DATABASE_URL")
# CI sets TEST_DATABASE_URL (.ci/run starts the server); there the suites fail, never skip.
MUST_RUN = bool(DATABASE) or bool(os.environ.get("CI"))
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
