"""The no-Docker twin of the compose topology (scripts/twin.sh) on loopback: real PostgreSQL +
pgvector, guardrails, RAG, three concierge replicas and nginx with the gateway's settings.
Runs when TEST_DATABASE_URL is set (always in CI, where .ci/run starts the database and
installs nginx); skipped otherwise."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest
import urllib.request
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATABASE = os.environ.get("TEST_DATABASE_URL")
MUST_RUN = bool(DATABASE) or bool(os.environ.get("CI"))
PSQL = str(pathlib.Path(os.environ["PG_TEST_BIN"]) / "psql") if os.environ.get("PG_TEST_BIN") else "psql"


@unittest.skipUnless(MUST_RUN, "set TEST_DATABASE_URL (scripts/pg-test-server.sh) to run the twin")
class TwinTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not DATABASE:
            raise AssertionError("CI is set but TEST_DATABASE_URL is not")
        if not shutil.which("nginx"):
            raise AssertionError("nginx is not installed (apt-get install nginx-light)")
        cls.name = "twin_" + uuid.uuid4().hex[:12]
        subprocess.run([PSQL, DATABASE, "-q", "-c", f"CREATE DATABASE {cls.name}"], check=True)
        cls.dir = tempfile.mkdtemp(prefix="twin-")
        cls.env = dict(os.environ, TWIN_DIR=cls.dir, TWIN_DATABASE_URL=DATABASE.rsplit("/", 1)[0] + "/" + cls.name,
                       BIN=str(ROOT / ".build" / "debug"))
        started = subprocess.run(["bash", str(ROOT / "scripts" / "twin.sh"), "start"], env=cls.env,
                                 capture_output=True, text=True, timeout=180)
        cls.start_log = started.stderr
        if started.returncode != 0:
            cls.tearDownClass()
            raise AssertionError(f"twin did not start: {started.stderr[-2000:]}")
        cls.gateway = next(l.split("=", 1)[1] for l in started.stdout.splitlines() if l.startswith("TWIN_GATEWAY="))
        cls.token = subprocess.run([str(ROOT / ".build" / "debug" / "ConciergeService"), "token", "cust_alex"],
                                   env=dict(os.environ, JWT_SECRET="twin-jwt-secret-0123456789abcdef"),
                                   capture_output=True, text=True, check=True).stdout.strip()

    @classmethod
    def tearDownClass(cls):
        subprocess.run(["bash", str(ROOT / "scripts" / "twin.sh"), "stop"], env=cls.env, capture_output=True)
        subprocess.run([PSQL, DATABASE, "-q", "-c", f"DROP DATABASE IF EXISTS {cls.name} WITH (FORCE)"], capture_output=True)
        shutil.rmtree(cls.dir, ignore_errors=True)

    def chat(self, message, session=None):
        body = {"message": message}
        if session:
            body["session_id"] = session
        request = urllib.request.Request(self.gateway + "/v1/chat", data=json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def test_start_up_order_matches_compose(self):
        order = [line.split()[0] for line in self.start_log.splitlines() if line.endswith(" ready")]
        self.assertEqual(order[:2], ["guardrails", "rag"])
        self.assertEqual(sorted(order[2:]), ["concierge-1", "concierge-2", "concierge-3"])

    def test_a_conversation_across_replicas_completes_a_confirmed_transfer(self):
        offer = self.chat("send $40 to Sam")
        self.assertIn("confirmation", offer)
        done = self.chat("yes", offer["session_id"])
        self.assertTrue(done["reply"].startswith("Done"), done)
        served = [p for p in pathlib.Path(self.dir).glob("concierge-*.log") if '"route":"/v1/chat"' in p.read_text()]
        self.assertGreaterEqual(len(served), 2, "both turns landed on one replica")
        count = subprocess.run([PSQL, self.env["TWIN_DATABASE_URL"], "-Atc", "SELECT count(*) FROM ledger_transfers"],
                               capture_output=True, text=True, check=True).stdout.strip()
        self.assertEqual(count, "1")


if __name__ == "__main__":
    unittest.main()
