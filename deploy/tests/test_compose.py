"""Structure tests for the deployment files (no Docker engine needed): the compose dependency
graph, health checks and scaling rules, every variable documented in .env.template, the
Dockerfiles' shape, and the gateway's re-resolving, retrying proxy."""
import pathlib
import re
import unittest

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(path):
    return yaml.safe_load((ROOT / path).read_text())


class ComposeTests(unittest.TestCase):
    compose = load("docker-compose.yml")
    services = compose["services"]

    def depends(self, name):
        return self.services[name].get("depends_on", {})

    def test_services(self):
        self.assertEqual(set(self.services), {"postgres", "guardrails", "rag", "concierge", "gateway"})

    def test_dependency_graph_waits_for_health(self):
        expected = {
            "rag": {"postgres"},
            "concierge": {"postgres", "guardrails", "rag"},
            "gateway": {"concierge"},
        }
        for name, needs in expected.items():
            self.assertEqual(set(self.depends(name)), needs, name)
            for dependency in needs:
                self.assertEqual(self.depends(name)[dependency]["condition"], "service_healthy", f"{name} → {dependency}")
        self.assertEqual(self.depends("postgres"), {})
        self.assertEqual(self.depends("guardrails"), {})

    def test_everything_waited_on_has_a_health_check(self):
        waited = {d for s in self.services for d in self.depends(s)}
        for name in waited:
            service = self.services[name]
            dockerfile = service.get("build", {}).get("dockerfile")
            has_image_check = dockerfile and "HEALTHCHECK" in (ROOT / dockerfile).read_text()
            self.assertTrue("healthcheck" in service or has_image_check, name)
        self.assertIn("pg_isready", " ".join(self.services["postgres"]["healthcheck"]["test"]))

    def test_postgres_is_pgvector_on_a_named_volume_and_private(self):
        postgres = self.services["postgres"]
        self.assertEqual(postgres["image"], "pgvector/pgvector:pg16")
        self.assertNotIn("ports", postgres)
        self.assertIn("shared_buffers=${POSTGRES_SHARED_BUFFERS:-1GB}", postgres["command"])
        volume = postgres["volumes"][0].split(":")[0]
        self.assertIn(volume, self.compose["volumes"])

    def test_concierge_scales_behind_the_gateway(self):
        concierge = self.services["concierge"]
        self.assertNotIn("container_name", concierge)
        self.assertNotIn("ports", concierge)
        published = [name for name, s in self.services.items() if "ports" in s]
        self.assertEqual(published, ["gateway"])
        self.assertIn(":8000", self.services["gateway"]["ports"][0])

    def test_every_variable_is_in_the_env_template(self):
        used = set()
        for path in ["docker-compose.yml", "docker-compose.monitoring.yml"]:
            used |= set(re.findall(r"\$\{([A-Z0-9_]+)", (ROOT / path).read_text()))
        documented = {line.split("=", 1)[0] for line in (ROOT / ".env.template").read_text().splitlines()
                      if line and not line.startswith("#") and "=" in line}
        self.assertEqual(used - documented, set())

    def test_services_get_their_settings(self):
        concierge = self.services["concierge"]["environment"]
        self.assertEqual(concierge["GUARDRAILS_URL"], "http://guardrails:8002")
        self.assertEqual(concierge["RAG_URL"], "http://rag:8001")
        self.assertTrue(concierge["DATABASE_URL"].startswith("postgresql://"))
        self.assertIn("JWT_SECRET", concierge)
        self.assertIn("INTERNAL_API_KEY", concierge)
        self.assertTrue(self.services["rag"]["environment"]["DATABASE_URL"].endswith("@postgres:5432/${POSTGRES_DB:-concierge}"))


class MonitoringComposeTests(unittest.TestCase):
    """docker-compose.monitoring.yml adds to the main file's project (same network)."""
    services = load("docker-compose.monitoring.yml")["services"]

    def test_services_and_ports(self):
        self.assertEqual(set(self.services), {"prometheus", "alertmanager", "grafana", "postgres-exporter"})
        for name, port in [("prometheus", 9090), ("grafana", 3000)]:
            self.assertTrue(self.services[name]["ports"][0].endswith(f":{port}"), name)
        # Prometheus has no login: the host's loopback only, and no lifecycle API (anyone who
        # reached it could shut it down or reload it). Alertmanager has no login: not published.
        self.assertTrue(self.services["prometheus"]["ports"][0].startswith("127.0.0.1:"))
        self.assertNotIn("--web.enable-lifecycle", self.services["prometheus"]["command"])
        self.assertNotIn("ports", self.services["alertmanager"])
        self.assertNotIn("networks", self.services["prometheus"])  # the main file's default network

    def test_prometheus_loads_the_repository_config_and_rules(self):
        volumes = self.services["prometheus"]["volumes"]
        self.assertIn("./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro", volumes)
        self.assertIn("./monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro", volumes)
        self.assertIn("./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro", self.services["grafana"]["volumes"])
        self.assertEqual(self.services["postgres-exporter"]["depends_on"]["postgres"]["condition"], "service_healthy")


class DockerfileTests(unittest.TestCase):
    def test_shape(self):
        for service, product, port in [("guardrails", "GuardrailsService", 8002), ("rag", "RAGService", 8001), ("concierge", "ConciergeService", 8000)]:
            text = (ROOT / "services" / service / "Dockerfile").read_text()
            with self.subTest(service):
                self.assertEqual(len(re.findall(r"^FROM ", text, re.M)), 2)
                self.assertRegex(text, r"FROM swift:\$\{SWIFT_VERSION\}-\$\{UBUNTU_VERSION\} AS build")
                for package in ["libcurl4-openssl-dev", "libpq-dev", "libssl-dev"]:
                    self.assertIn(package, text)
                # Dependencies resolve before the sources are copied (a cached layer).
                self.assertLess(text.index("swift package resolve"), text.index("COPY Sources"))
                self.assertIn("--static-swift-stdlib", text)
                runtime = text.split("\nFROM ubuntu")[1]
                for package in ["libcurl4", "libpq5", "ca-certificates"]:
                    self.assertIn(package, runtime)
                installed = re.search(r"--no-install-recommends ([^\\]+)", runtime).group(1).split()
                self.assertFalse({"curl", "wget"} & set(installed))
                self.assertIn("USER 10001:10001", runtime)  # numeric: Kubernetes can verify runAsNonRoot
                self.assertIn(f'HEALTHCHECK', runtime)
                self.assertIn(f'["/app/{product}", "healthcheck"]', runtime)
                self.assertIn(f"PORT={port}", runtime)
                # Every ignored hadolint rule is explained ("DL3008 (…) is ignored: why").
                for rule in set(",".join(re.findall(r"hadolint ignore=(\S+)", text)).split(",")) - {""}:
                    self.assertRegex(text, rf"{rule} \([^)]*\) is ignored: \S")

    def test_dockerignore_keeps_the_context_small(self):
        ignored = (ROOT / ".dockerignore").read_text().split()
        for entry in [".build", ".git", ".env"]:
            self.assertIn(entry, ignored)


class GatewayTests(unittest.TestCase):
    text = (ROOT / "deploy" / "nginx" / "gateway.conf").read_text()

    def test_re_resolves_docker_dns_and_retries_on_another_replica(self):
        self.assertIn("resolver 127.0.0.11 valid=5s", self.text)
        self.assertIn("set $concierge concierge:8000;", self.text)
        self.assertIn("proxy_pass http://$concierge;", self.text)
        self.assertIn("proxy_next_upstream error timeout http_502 http_503 http_504;", self.text)
        self.assertNotIn("non_idempotent", self.text)

    def test_only_the_api_is_public(self):
        self.assertIn("location /v1/ {", self.text)
        self.assertRegex(self.text, r"location / \{\s*default_type application/json;\s*return 404")


if __name__ == "__main__":
    unittest.main()
