"""The published API against the real executables (.build/debug) on the test PostgreSQL +
pgvector, bounded in time:

- schemathesis runs docs/api/{guardrails,rag,concierge}.yaml against the running services
  (a bounded number of generated requests per operation, fixed seed): no 5xx, every status,
  content type, header and body as the spec says. (That the specs name exactly the routes the
  services register is checked by the Swift tests.)
- abuse cases: oversized bodies, deeply nested JSON, invalid UTF-8, huge, negative and
  malformed amounts, SQL-looking and header-injection strings, forged, `alg: none`, expired
  and oversized tokens. Each gets a clear 4xx in DESIGN's error shape (or, for text that is
  merely odd, an ordinary answer), no service crashes, and nothing is written: ledger,
  sessions, confirmations and knowledge base are compared row for row before and after.

Runs when TEST_DATABASE_URL is set (always in CI, where a missing schemathesis fails);
skipped otherwise. SCHEMATHESIS_MAX_EXAMPLES and SCHEMATHESIS_SEED tune the fuzzing."""
import base64
import hashlib
import hmac
import http.client
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "deploy" / "tests"))
import support  # noqa: E402
from support import BIN, MUST_RUN, ROOT, Service, create_database, drop_database  # noqa: E402

JWT_SECRET = "api-suite-jwt-secret-0123456789ab"
INTERNAL_KEY = "api-suite-internal-key-0123456789"
TOOLS_DIR = pathlib.Path(os.environ.get("TOOLS_DIR", "/var/tmp/fintech-concierge-tools"))
MAX_EXAMPLES = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "25")
SEED = os.environ.get("SCHEMATHESIS_SEED", "20261123")

stack = None


class Stack:
    """Guardrails, RAG and one concierge replica on one throwaway database."""

    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="api-suite-"))
        self.db_name, self.database = create_database("api")
        env = dict(os.environ, HOST="127.0.0.1", LOG_LEVEL="info", JWT_SECRET=JWT_SECRET, INTERNAL_API_KEY=INTERNAL_KEY,
                   DATABASE_URL=self.database, RATE_LIMIT_PER_MINUTE="0", READINESS_POLL_INTERVAL_MS="500")
        self.guardrails = Service("GuardrailsService", self.dir, env)
        self.rag = Service("RAGService", self.dir, env)
        self.concierge = Service("ConciergeService", self.dir, dict(env, GUARDRAILS_URL=self.guardrails.url, RAG_URL=self.rag.url))
        self.services = [self.guardrails, self.rag, self.concierge]

    def start(self):
        # Dependencies first, as compose does: a concierge whose first probes hit services
        # still starting counts those failures in its breakers, which could then open a few
        # seconds in and make /ready and /health answer 503 under the spec tests.
        for service in [self.guardrails, self.rag]:
            service.start()
        for service in [self.guardrails, self.rag]:
            service.wait_ready()
        self.concierge.start()
        self.concierge.wait_ready()

    def stop(self):
        for service in self.services:
            service.stop()
        drop_database(self.db_name)

    def token(self, customer="cust_alex"):
        return subprocess.run([str(BIN / "ConciergeService"), "token", customer], env=dict(os.environ, JWT_SECRET=JWT_SECRET),
                              capture_output=True, text=True, check=True).stdout.strip()

    def sql(self, query):
        return support.sql(self.database, query)

    def snapshot(self):
        """Everything a request could write, row for row."""
        return {table: self.sql(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) || ':' || count(*) FROM {table} t")
                for table in ["ledger_accounts", "ledger_transfers", "ledger_postings", "ledger_transactions",
                              "concierge_sessions", "concierge_confirmations", "rag_documents", "rag_chunks"]}


def setUpModule():
    global stack
    if MUST_RUN:
        stack = Stack()
        try:
            stack.start()
        except BaseException:
            stack.stop()
            raise


def tearDownModule():
    if stack:
        stack.stop()


def request(service, method, path, body=None, headers=None, internal_key=True):
    """(status, headers with lower-case names, body bytes); body may be bytes, str or a JSON value."""
    fields = {"Content-Type": "application/json"}
    if internal_key and service is not stack.concierge:
        fields["X-Internal-API-Key"] = INTERNAL_KEY
    fields.update(headers or {})
    if body is not None and not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=fields)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def raw_exchange(service, data):
    """Sends bytes as they are (for what http.client refuses to send); returns the raw reply."""
    with socket.create_connection(("127.0.0.1", service.port), timeout=30) as sock:
        sock.sendall(data)
        reply = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            reply += chunk
            if b"\r\n\r\n" in reply:
                head, _, rest = reply.partition(b"\r\n\r\n")
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
                if len(rest) >= length:
                    break
        return reply


def jwt(header, payload, secret=JWT_SECRET, signature=None):
    def encode(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
    signing_input = encode(json.dumps(header).encode()) + "." + encode(json.dumps(payload).encode())
    if signature is None:
        signature = encode(hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest())
    return signing_input + "." + signature


@unittest.skipUnless(MUST_RUN, "set TEST_DATABASE_URL (scripts/pg-test-server.sh) to run the API suite")
class SchemathesisTests(unittest.TestCase):
    """Each spec fuzzed against its running service."""

    def schemathesis(self):
        found = TOOLS_DIR / "bin" / "schemathesis"
        if found.exists():
            return str(found)
        if shutil.which("schemathesis"):
            return shutil.which("schemathesis")
        raise AssertionError(f"schemathesis not found in {TOOLS_DIR}/bin or PATH (pip install -r deploy/tools-requirements.txt)")

    def run_spec(self, spec, service, headers):
        reports = ROOT / "reports" / "api"
        reports.mkdir(parents=True, exist_ok=True)
        command = [self.schemathesis(), "run", str(ROOT / "docs" / "api" / spec), "--url", service.url,
                   "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                               "response_headers_conformance,response_schema_conformance",
                   "--max-examples", MAX_EXAMPLES, "--seed", SEED, "--request-timeout", "20", "--max-failures", "10",
                   "--report", "junit", "--report-junit-path", str(reports / (spec.replace(".yaml", "") + ".junit.xml"))]
        for header in headers:
            command += ["-H", header]
        started = time.monotonic()
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT,
                                env=dict(os.environ, SCHEMATHESIS_HOOKS="", NO_COLOR="1"))
        summary = [line for line in result.stdout.splitlines() if "generated" in line or "passed" in line and "Test cases" not in line]
        print(f"\nschemathesis {spec}: {summary[-1].strip() if summary else '?'} in {time.monotonic() - started:.1f} s", file=sys.stderr)
        self.assertEqual(result.returncode, 0, f"schemathesis found problems in {spec}:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}")
        for each in stack.services:
            self.assertIsNone(each.process.poll(), f"{each.name} exited during the fuzzing")

    def test_guardrails_spec(self):
        self.run_spec("guardrails.yaml", stack.guardrails, [f"X-Internal-API-Key: {INTERNAL_KEY}"])

    def test_rag_spec(self):
        self.run_spec("rag.yaml", stack.rag, [f"X-Internal-API-Key: {INTERNAL_KEY}"])

    def test_concierge_spec(self):
        self.run_spec("concierge.yaml", stack.concierge, [f"Authorization: Bearer {stack.token()}"])


@unittest.skipUnless(MUST_RUN, "set TEST_DATABASE_URL (scripts/pg-test-server.sh) to run the API suite")
class AbuseTests(unittest.TestCase):
    def setUp(self):
        self.before = stack.snapshot()
        self.auth = {"Authorization": "Bearer " + stack.token()}

    def assertNothingWritten(self, tables=None):
        after = stack.snapshot()
        for table in tables or after:
            self.assertEqual(after[table], self.before[table], f"{table} changed")

    def assertAlive(self):
        for service in stack.services:
            self.assertIsNone(service.process.poll(), f"{service.name} exited")
            self.assertEqual(request(service, "GET", "/live")[0], 200, f"{service.name} not live")

    def assertClientError(self, result, status=None, code=None):
        """A 4xx with DESIGN's error body; nothing of the secrets in it."""
        got, headers, body = result
        self.assertTrue(400 <= got < 500, f"expected a 4xx, got {got}: {body[:300]!r}")
        if status:
            self.assertEqual(got, status, body[:300])
        self.assertTrue(headers.get("content-type", "").startswith("application/json"), headers)
        error = json.loads(body)["error"]
        self.assertTrue(error["code"] and error["message"] and error["request_id"], error)
        if code:
            self.assertEqual(error["code"], code, error)
        for secret in (JWT_SECRET, INTERNAL_KEY):
            self.assertNotIn(secret.encode(), body)
        return error

    def routes(self):
        """Every POST route with a body: (service, path, extra headers)."""
        return [(stack.guardrails, "/v1/check", {}), (stack.guardrails, "/v1/check/batch", {}), (stack.guardrails, "/v1/redact", {}),
                (stack.rag, "/v1/search", {}), (stack.rag, "/v1/documents", {}),
                (stack.concierge, "/v1/chat", self.auth), (stack.concierge, "/v1/confirmations/cnf_x", self.auth)]

    def test_oversized_bodies_are_413(self):
        big = b'{"text":"' + b"a" * (2 * 1024 * 1024) + b'","direction":"input"}'
        for service, path, headers in self.routes():
            with self.subTest(path=path):
                self.assertClientError(request(service, "POST", path, big, headers), 413, "payload_too_large")
        # Chunked, so the size is only known while reading.
        chunk = b"a" * 65536
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(40)) + b"0\r\n\r\n"
        reply = raw_exchange(stack.rag, b"POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"X-Internal-API-Key: " + INTERNAL_KEY.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
        self.assertTrue(reply.startswith(b"HTTP/1.1 413"), reply[:200])
        # Under the byte limit, over a field's own limit.
        self.assertClientError(request(stack.guardrails, "POST", "/v1/check", {"text": "a" * 20_001, "direction": "input"}), 413)
        self.assertClientError(request(stack.rag, "POST", "/v1/documents", {"id": "big", "title": "t", "category": "c", "text": "a " * 250_001}), 413)
        self.assertClientError(request(stack.guardrails, "POST", "/v1/check/batch", {"items": [{"text": "a", "direction": "input"}] * 101}), 400)
        self.assertClientError(request(stack.rag, "POST", "/v1/search", {"query": "a" * 2001}), 400)
        self.assertClientError(request(stack.concierge, "POST", "/v1/chat", {"message": "a" * 4001}, self.auth), 400)
        # A 100 KB header is refused (or the connection closed), never a crash.
        reply = raw_exchange(stack.concierge, b"GET /live HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
        self.assertFalse(reply.startswith(b"HTTP/1.1 5"), reply[:200])
        self.assertAlive()
        self.assertNothingWritten()

    def test_malformed_framing_is_400_logged_at_notice(self):
        """Broken chunked framing is the client's fault: 400 in DESIGN's format, one notice
        line, never a 500 (which would feed the HighErrorRate alert)."""
        key = b"X-Internal-API-Key: " + INTERNAL_KEY.encode() + b"\r\n"
        heads = {stack.guardrails: b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + key,
                 stack.rag: b"POST /v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + key}
        framings = [b"Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                    b"Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n",
                    b"Transfer-Encoding: chunked\r\n\r\n5;junk=\x01\r\nhello\r\n0\r\n\r\n"]
        for service, head in heads.items():
            for framing in framings:
                with self.subTest(service=service.name, framing=framing[:30]):
                    reply = raw_exchange(service, head + framing)
                    self.assertTrue(reply.startswith(b"HTTP/1.1 400"), reply[:200])
                    self.assertIn(b'"malformed_request"', reply)
            log = (stack.dir / f"{service.name}.log").read_text(errors="replace")
            self.assertIn('"malformed request framing"', log)
            self.assertNotIn('"error_type":"NIOHTTP1.HTTPParserError"', log)
        self.assertAlive()
        self.assertNothingWritten()

    def test_deeply_nested_json_is_400(self):
        for depth in (1_000, 100_000):
            arrays = b'{"text":' + b"[" * depth + b"]" * depth + b',"direction":"input","message":"hi","query":"x"}'
            objects = b'{"a":' * depth + b"1" + b"}" * depth
            for service, path, headers in self.routes():
                for body in (arrays, objects):
                    with self.subTest(path=path, depth=depth):
                        self.assertClientError(request(service, "POST", path, body, headers), 400)
        self.assertAlive()
        self.assertNothingWritten()

    def test_invalid_utf8_is_400(self):
        bodies = [b'{"text":"abc\xff\xfe","direction":"input","message":"abc\xff","query":"abc\xff","decision":"confirm\xff"}',
                  b'{"text":"\xc0\xaf","direction":"input","message":"\xc0\xaf","query":"\xc0\xaf","decision":"\xc0\xaf"}',
                  b'{"text":"\xed\xa0\x80","direction":"input","message":"\xed\xa0\x80","query":"\xed\xa0\x80","decision":"\xed\xa0\x80"}',
                  b'{"text":"\\ud800","direction":"input","message":"\\ud800","query":"\\ud800","decision":"\\ud800"}']
        for service, path, headers in self.routes():
            for body in bodies:
                with self.subTest(path=path, body=body[:20]):
                    self.assertClientError(request(service, "POST", path, body, headers), 400)
        # In a path: no document has such an id, and it is never echoed raw.
        status, _, body = request(stack.rag, "GET", "/v1/documents/%ff%fe")
        self.assertIn(status, (400, 404))
        self.assertNotIn(b"\xff", body)
        self.assertAlive()
        self.assertNothingWritten()

    def test_huge_negative_and_malformed_amounts_move_nothing(self):
        messages = ["send $-50 to Jordan", "send -50 dollars to Sam from checking", "send $99999999999999999999999 to Jordan",
                    "send $1e308 to Jordan", "send $0.001 to Sam", "pay 9223372036854775807 cents to Jordan",
                    "send $92233720368547758.07 to Jordan", "send $5,000,000,000 to Jordan from savings",
                    "move $NaN from checking to savings", "pay Metro Water $-0.01", "pay Verizon Wireless $10000000"]
        for message in messages:
            with self.subTest(message=message):
                status, _, body = request(stack.concierge, "POST", "/v1/chat", {"message": message}, self.auth)
                self.assertEqual(status, 200, body[:300])
                reply = json.loads(body)
                self.assertNotIn("confirmation", reply, f"{message!r} was offered for confirmation: {reply['reply']}")
        # Amounts are only ever text: other JSON types are a clear 400.
        for body in ['{"message": -50}', '{"message": 1e309}', '{"message": 99999999999999999999999999}', '{"message": ["$5"]}']:
            with self.subTest(body=body):
                self.assertClientError(request(stack.concierge, "POST", "/v1/chat", body, self.auth), 400)
        self.assertAlive()
        self.assertNothingWritten(["ledger_accounts", "ledger_transfers", "ledger_postings", "ledger_transactions", "concierge_confirmations"])

    def test_sql_looking_strings_are_only_text(self):
        injections = ["'; DROP TABLE rag_chunks; --", "x' OR '1'='1", "1; UPDATE ledger_accounts SET balance = 999999999 --",
                      "\" OR 1=1 --", "') UNION SELECT id, email, name FROM ledger_customers --", "$1; SELECT pg_sleep(10) --"]
        for text in injections:
            with self.subTest(text=text):
                status, _, body = request(stack.rag, "POST", "/v1/search", {"query": text, "mode": "keyword"})
                self.assertEqual(status, 200, body[:300])
                self.assertNotIn(b"@example.com", body)
                status, _, body = request(stack.rag, "POST", "/v1/search", {"query": "card", "filters": {"category": text}})
                self.assertEqual((status, json.loads(body)["results"]), (200, []), "a filter value matched as SQL")
                status, _, body = request(stack.rag, "POST", "/v1/search", {"query": "card", "filters": {text[:64]: "x"}})
                self.assertEqual((status, json.loads(body)["results"]), (200, []), "a filter name matched as SQL")
                self.assertClientError(request(stack.rag, "GET", "/v1/documents/" + urlquote(text)), 400)
                self.assertClientError(request(stack.rag, "DELETE", "/v1/documents/" + urlquote(text)), 400)
                self.assertClientError(request(stack.concierge, "GET", "/v1/sessions/" + urlquote(text), headers=self.auth), 404)
                self.assertClientError(request(stack.concierge, "POST", "/v1/confirmations/" + urlquote(text), {"decision": "confirm"}, self.auth), 404)
                self.assertClientError(request(stack.concierge, "POST", "/v1/chat", {"message": "hi", "session_id": text}, self.auth), 404)
                status, _, _ = request(stack.rag, "GET", "/v1/documents?after=" + urlquote(text))
                self.assertEqual(status, 200)
                status, _, body = request(stack.concierge, "POST", "/v1/chat", {"message": text}, self.auth)
                self.assertEqual(status, 200, body[:300])
        # A signed token whose subject is SQL names no customer.
        forged = jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "cust_alex' OR '1'='1", "exp": int(time.time()) + 600})
        self.assertClientError(request(stack.concierge, "POST", "/v1/chat", {"message": "balance"}, {"Authorization": "Bearer " + forged}), 401)
        self.assertAlive()
        # Chat turns were stored (they are ordinary messages); money and documents were not touched.
        self.assertNothingWritten(["ledger_accounts", "ledger_transfers", "ledger_postings", "ledger_transactions",
                                   "concierge_confirmations", "rag_documents", "rag_chunks"])

    def test_nul_characters_and_featureless_text(self):
        # PostgreSQL text cannot hold U+0000 (and libpq would cut a parameter there).
        for body in [{"message": "move $5 from checking to savings\u0000"}, {"message": "yes", "session_id": "ses_\u0000x"}]:
            self.assertClientError(request(stack.concierge, "POST", "/v1/chat", json.dumps(body), self.auth), 400)
        document = {"id": "nul-doc", "title": "t", "category": "c", "text": "body", "metadata": {"k\u0000": "v"}}
        self.assertClientError(request(stack.rag, "POST", "/v1/documents", json.dumps(document)), 400)
        self.assertClientError(request(stack.rag, "POST", "/v1/documents", json.dumps(dict(document, metadata={}, title="a\u0000b"))), 400)
        self.assertClientError(request(stack.rag, "POST", "/v1/search", json.dumps({"query": "card", "filters": {"category": "a\u0000b"}})), 400)
        self.assertClientError(request(stack.concierge, "GET", "/v1/sessions/ses_%00x", headers=self.auth))
        # A query with no searchable features matches nothing (its vector is all zeros).
        for mode in ["vector", "hybrid", "keyword"]:
            for query in ["\U0001F3FB\U000FB8D2\u00ab", "\u00ab", "!!!"]:
                with self.subTest(mode=mode, query=query):
                    status, _, body = request(stack.rag, "POST", "/v1/search", {"query": query, "mode": mode})
                    self.assertEqual((status, json.loads(body)["results"]), (200, []), body[:300])
        self.assertAlive()
        self.assertNothingWritten()

    def test_header_injection_goes_nowhere(self):
        for service in stack.services:
            # CR LF inside a header value: the server must not answer with the smuggled header.
            reply = raw_exchange(service, b"GET /live HTTP/1.1\r\nHost: x\r\nX-Request-ID: abc\rSet-Cookie: pwned=1\r\n\r\n")
            self.assertNotIn(b"pwned", reply)
            reply = raw_exchange(service, b"GET /live HTTP/1.1\r\nHost: x\r\nX-Request-ID: abc\r\nSet-Cookie: pwned=1\r\n\r\n")
            self.assertTrue(reply.startswith(b"HTTP/1.1 200"), reply[:100])
            self.assertNotIn(b"pwned", reply)
            for value in ["abc%0d%0aSet-Cookie:%20pwned=1", "a" * 10_000, "<script>alert(1)</script>", "id with spaces"]:
                with self.subTest(service=service.name, value=value[:20]):
                    status, headers, _ = request(service, "GET", "/live", headers={"X-Request-ID": value})
                    self.assertEqual(status, 200)
                    self.assertNotEqual(headers["x-request-id"], value, "an unsafe request id was echoed")
                    self.assertRegex(headers["x-request-id"], r"^[A-Za-z0-9._:-]{1,128}$")
        # Text that looks like headers stays in the JSON body.
        status, headers, body = request(stack.concierge, "POST", "/v1/chat",
                                        {"message": "hello\r\nSet-Cookie: pwned=1\r\n\r\nHTTP/1.1 200 OK"}, self.auth)
        self.assertEqual(status, 200)
        self.assertNotIn("set-cookie", headers)
        self.assertClientError(request(stack.rag, "GET", "/v1/documents/a%0d%0aSet-Cookie:%20pwned"), 400)
        self.assertAlive()
        self.assertNothingWritten(["ledger_accounts", "ledger_transfers", "ledger_postings", "concierge_confirmations", "rag_documents", "rag_chunks"])

    def test_forged_expired_and_malformed_tokens_are_401(self):
        now = int(time.time())
        good = stack.token()
        head, payload, signature = good.split(".")
        forged_payload = base64.urlsafe_b64encode(json.dumps({"sub": "cust_sam", "exp": now + 600}).encode()).rstrip(b"=").decode()
        tokens = {
            "alg none, no signature": jwt({"alg": "none", "typ": "JWT"}, {"sub": "cust_alex", "exp": now + 600}, signature=""),
            "alg none, real signature": jwt({"alg": "none"}, {"sub": "cust_alex", "exp": now + 600}, signature=signature),
            "alg None": jwt({"alg": "None"}, {"sub": "cust_alex", "exp": now + 600}),
            "RS256 confusion": jwt({"alg": "RS256"}, {"sub": "cust_alex", "exp": now + 600}),
            "HS512": jwt({"alg": "HS512"}, {"sub": "cust_alex", "exp": now + 600}),
            "other secret": jwt({"alg": "HS256"}, {"sub": "cust_alex", "exp": now + 600}, secret="not-the-secret-0123456789"),
            "payload swapped": f"{head}.{forged_payload}.{signature}",
            "expired": jwt({"alg": "HS256"}, {"sub": "cust_alex", "exp": now - 3600}),
            "no exp": jwt({"alg": "HS256"}, {"sub": "cust_alex"}),
            "exp overflow": jwt({"alg": "HS256"}, {"sub": "cust_alex", "exp": 2 ** 63 - 1}),
            "exp huge float": jwt({"alg": "HS256"}, {"sub": "cust_alex", "exp": 1e300}),
            "no customer": jwt({"alg": "HS256"}, {"sub": "cust_nobody", "exp": now + 600}),
            "empty": "",
            "four parts": good + ".x",
            "not base64": "!!!.???.***",
            "oversized": good + "A" * 20_000,
        }
        for name, token in tokens.items():
            with self.subTest(token=name):
                for method, path, body in [("POST", "/v1/chat", {"message": "move $5 from checking to savings"}),
                                           ("GET", "/v1/sessions/ses_x", None),
                                           ("POST", "/v1/confirmations/cnf_x", {"decision": "confirm"})]:
                    status, headers, reply = request(stack.concierge, method, path, body, {"Authorization": "Bearer " + token})
                    self.assertClientError((status, headers, reply), 401, "unauthorized")
                    self.assertEqual(headers.get("www-authenticate"), "Bearer")
                    if len(token) > 8:
                        self.assertNotIn(token.encode(), reply, "the token was echoed")
        for value in ["Basic YWxleDpzZWNyZXQ=", "Bearer", "Bearer  ", good]:
            with self.subTest(authorization=value[:12]):
                self.assertClientError(request(stack.concierge, "POST", "/v1/chat", {"message": "hi"}, {"Authorization": value}), 401)
        # The internal API key guards the other services the same way.
        for service, path in [(stack.guardrails, "/v1/check"), (stack.rag, "/v1/search"), (stack.rag, "/v1/documents")]:
            for key in [None, "wrong", INTERNAL_KEY + "x"]:
                headers = {} if key is None else {"X-Internal-API-Key": key}
                body = {"text": "x", "direction": "input", "query": "x", "id": "doc-x", "title": "t", "category": "c"}
                self.assertClientError(request(service, "POST", path, body, headers, internal_key=False), 401)
        self.assertAlive()
        self.assertNothingWritten()


def urlquote(text):
    from urllib.parse import quote
    return quote(text, safe="")


if __name__ == "__main__":
    unittest.main()
