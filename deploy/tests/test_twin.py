"""The no-Docker twin of the compose topology (scripts/twin.sh) on loopback: real PostgreSQL +
pgvector, guardrails, RAG, three concierge replicas and nginx with the gateway's settings.
Runs when TEST_DATABASE_URL is set (always in CI, where .ci/run starts the database and
installs nginx); skipped otherwise."""
import json
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

import support
from support import MUST_RUN, ROOT, create_database, drop_database


@unittest.skipUnless(MUST_RUN, "set TEST_DATABASE_URL (scripts/pg-test-server.sh) to run the twin")
class TwinTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("nginx"):
            raise AssertionError("nginx is not installed (apt-get install nginx-light)")
        cls.name, database = create_database("twin")
        cls.dir = tempfile.mkdtemp(prefix="twin-")
        cls.env = dict(os.environ, TWIN_DIR=cls.dir, TWIN_DATABASE_URL=database,
                       BIN=str(ROOT / ".build" / "debug"), RATE_LIMIT_PER_MINUTE="100000")
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
        cls.pids = [int(line) for line in (pathlib.Path(cls.dir) / "pids").read_text().split()]

    @classmethod
    def tearDownClass(cls):
        subprocess.run(["bash", str(ROOT / "scripts" / "twin.sh"), "stop"], env=cls.env, capture_output=True)
        drop_database(cls.name)
        shutil.rmtree(cls.dir, ignore_errors=True)

    def chat(self, message, session=None):
        body = {"message": message}
        if session:
            body["session_id"] = session
        request = urllib.request.Request(self.gateway + "/v1/chat", data=json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def sql(self, query):
        return support.sql(self.env["TWIN_DATABASE_URL"], query)

    def get(self, path):
        """Status of a GET through the gateway (0 when the connection itself failed)."""
        request = urllib.request.Request(self.gateway + path, headers={"Authorization": "Bearer " + self.token})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    def test_b_backup_and_restore_return_the_database_to_the_backup(self):
        tool = dict(self.env, DATABASE_URL=self.env["TWIN_DATABASE_URL"], PG_BIN=os.environ.get("PG_TEST_BIN", ""))
        snapshot = "SELECT (SELECT count(*) FROM ledger_transfers) || ':' || (SELECT sum(balance) FROM ledger_accounts) || ':' || (SELECT count(*) FROM rag_chunks)"
        before = self.sql(snapshot)
        dump = pathlib.Path(self.dir) / "backups" / "twin.dump"
        backup = subprocess.run(["bash", str(ROOT / "scripts" / "db-backup.sh"), str(dump)], env=tool, capture_output=True, text=True)
        self.assertEqual(backup.returncode, 0, backup.stderr)
        self.assertGreater(dump.stat().st_size, 10_000)
        offer = self.chat("send $2 to Sam")
        self.assertTrue(self.chat("yes", offer["session_id"])["reply"].startswith("Done"))
        self.assertNotEqual(self.sql(snapshot), before)
        restore = subprocess.run(["bash", str(ROOT / "scripts" / "db-restore.sh"), str(dump)], env=tool, capture_output=True, text=True)
        self.assertEqual(restore.returncode, 0, restore.stderr)
        self.assertEqual(self.sql(snapshot), before)
        # The running services carry on against the restored database.
        self.assertIn("$", self.chat("what's my balance")["reply"])
        offer = self.chat("send $3 to Sam")
        self.assertTrue(self.chat("yes", offer["session_id"])["reply"].startswith("Done"))
        # A damaged file is refused and changes nothing.
        broken = pathlib.Path(self.dir) / "broken.dump"
        broken.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
        after = self.sql(snapshot)
        failed = subprocess.run(["bash", str(ROOT / "scripts" / "db-restore.sh"), str(broken)], env=tool, capture_output=True, text=True)
        self.assertNotEqual(failed.returncode, 0)
        self.assertEqual(self.sql(snapshot), after)

    def test_the_gateway_serves_the_api_only(self):
        # /health and /metrics name dependencies, versions and traffic: internal only.
        for path in ("/health", "/metrics", "/ready", "/live"):
            self.assertEqual(self.get(path), 404, path)
        self.assertEqual(self.get("/gateway/health"), 200)
        self.assertEqual(self.get("/v1/sessions/ses_unknown"), 404)  # proxied: the concierge's own 404

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
        self.assertEqual(self.sql("SELECT count(*) FROM ledger_transfers WHERE customer_id = 'cust_alex' AND amount = 4000"), "1")

    def test_z_stopping_a_replica_under_load_fails_no_request_and_moves_money_once(self):
        # Runs last (the replica stays down). Readers: GETs (the gateway may retry those).
        # Writers: $1 transfers, each "send" then "yes"; a writer whose POST fails retries it
        # with the same session, as a client would, so a lost "yes" must not move money twice.
        alex_before = int(self.sql("SELECT sum(balance) FROM ledger_accounts WHERE customer_id = 'cust_alex'"))
        session = self.chat("what's my balance")["session_id"]
        stop = threading.Event()
        statuses, post_failures, done, errors = [], [], [], []
        lock = threading.Lock()

        def reader():
            while not stop.is_set():
                for path in (f"/v1/sessions/{session}", f"/v1/sessions/{session}"):
                    status = self.get(path)
                    with lock:
                        statuses.append((path, status))

        def post(message, session_id=None):
            for _ in range(5):
                try:
                    return self.chat(message, session_id)
                except (urllib.error.HTTPError, OSError) as error:
                    with lock:
                        post_failures.append(getattr(error, "code", 0))
                    time.sleep(0.2)
            raise AssertionError(f"{message!r} failed 5 times: {post_failures[-5:]}")

        def writer():
            try:
                while not stop.is_set():
                    offer = post("send $1 to Sam")
                    if "confirmation" not in offer:
                        errors.append(offer)
                        return
                    reply = post("yes", offer["session_id"])["reply"]
                    with lock:
                        done.append(reply)
            except AssertionError as error:
                errors.append(str(error))

        threads = [threading.Thread(target=reader) for _ in range(4)] + [threading.Thread(target=writer) for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        victim = self.pids[3]  # guardrails, rag, then concierge-1, -2, -3
        os.kill(victim, signal.SIGTERM)
        time.sleep(4)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

        self.assertEqual(errors, [])
        # nginx never retries a POST it has sent (a chat turn is not idempotent), so a request
        # the replica dropped would reach the client as a 502. None may: the replica serves
        # requests already on their way over idle connections (QuiesceGraceHandler), and new
        # connections are refused, which nginx retries on another replica.
        self.assertEqual(post_failures, [], "POSTs failed through the gateway while a replica stopped")
        failed = [entry for entry in statuses if entry[1] != 200]
        self.assertGreater(len(statuses), 100)
        self.assertEqual(failed, [], f"{len(failed)} of {len(statuses)} GETs failed through the gateway")
        # Every transfer moved money once: one ledger row per completed "yes", and Alex's
        # accounts went down by exactly $1 per row.
        executed = int(self.sql("SELECT count(*) FROM ledger_transfers WHERE customer_id = 'cust_alex' AND amount = 100"))
        completed = [reply for reply in done if reply.startswith("Done")]
        self.assertGreater(len(completed), 0)
        self.assertEqual(executed, len(completed), done)
        alex_after = int(self.sql("SELECT sum(balance) FROM ledger_accounts WHERE customer_id = 'cust_alex'"))
        self.assertEqual(alex_before - alex_after, 100 * executed)
        # The stopped replica shut down by itself, after draining.
        for _ in range(50):
            if subprocess.run(["kill", "-0", str(victim)], capture_output=True).returncode != 0:
                break
            time.sleep(0.1)
        else:
            self.fail("the replica did not exit after SIGTERM")
        print(f"\nreplica stopped under load: {len(statuses)} GETs, 0 failed; {len(completed)} transfers; "
              "0 POSTs failed")


if __name__ == "__main__":
    unittest.main()
