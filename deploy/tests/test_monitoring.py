"""Static checks of monitoring/: the required alerts with severity, summary, description and a
runbook link to an existing section; dashboards in sync with their source; only metric names
the services declare (or Prometheus and the PostgreSQL exporter provide); Prometheus finds
replicas through DNS. The live check (test_monitoring_live.py) evaluates everything for real."""
import json
import pathlib
import re
import sys
import unittest

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "monitoring" / "grafana"))
sys.path.insert(0, str(ROOT / "deploy" / "tests"))
import dashboards  # noqa: E402
from test_monitoring_live import metric_names  # noqa: E402

REQUIRED = {"ServiceDown", "HighErrorRate", "HighLatency", "HighMemoryUsage", "HighCPUUsage", "CircuitBreakerOpen",
            "HighRateLimitHits", "DatabaseConnectionPoolExhausted", "LLMHighLatency", "LLMErrors",
            "HighSafetyViolations", "PIIDetectionSpike", "DependencyNotReady"}


def declared_metrics():
    """Metric families declared in SharedHealth (the one list every service exports from)."""
    source = (ROOT / "Sources" / "SharedHealth" / "Metrics" / "ServiceMetrics.swift").read_text()
    names = set(re.findall(r'MetricFamily\("([a-z_]+)"', source))
    histograms = {n for n in names if n.endswith("_seconds") and "process" not in n}
    return names | {f"{n}_{suffix}" for n in histograms for suffix in ("bucket", "count", "sum")}


class AlertRuleTests(unittest.TestCase):
    rules = [r for g in yaml.safe_load((ROOT / "monitoring" / "alerts.yml").read_text())["groups"] for r in g["rules"]]
    runbook = (ROOT / "docs" / "runbook.md").read_text()

    def test_required_alerts_with_severity_summary_description_and_runbook(self):
        self.assertLessEqual(REQUIRED, {r["alert"] for r in self.rules})
        anchors = {re.sub(r"[^a-z0-9-]", "", h.strip().lower().replace(" ", "-")) for h in re.findall(r"^## (.+)$", self.runbook, re.M)}
        for rule in self.rules:
            with self.subTest(rule["alert"]):
                self.assertIn(rule["labels"]["severity"], {"critical", "warning"})
                for key in ("summary", "description", "runbook_url"):
                    self.assertTrue(rule["annotations"].get(key), key)
                link = rule["annotations"]["runbook_url"]
                self.assertTrue(link.startswith("docs/runbook.md#"), link)
                self.assertIn(link.split("#", 1)[1], anchors, "no such runbook section")
                self.assertIn("for", rule)

    def test_every_alert_has_a_promtool_test(self):
        tests = yaml.safe_load((ROOT / "monitoring" / "alerts.test.yml").read_text())["tests"]
        fired = {case["alertname"] for test in tests for case in test["alert_rule_test"] if case["exp_alerts"]}
        quiet = {case["alertname"] for test in tests for case in test["alert_rule_test"] if not case["exp_alerts"]}
        names = {r["alert"] for r in self.rules}
        self.assertEqual(names - fired, set(), "alerts never seen firing")
        self.assertEqual(names - quiet, set(), "alerts never checked to stay quiet")


class MetricNameTests(unittest.TestCase):
    def test_only_exported_metric_names(self):
        allowed = declared_metrics() | {"up"}
        exprs = [r["expr"] for r in AlertRuleTests.rules]
        exprs += [t["expr"] for b in dashboards.DASHBOARDS.values() for p in b["panels"] for t in p["targets"]]
        used = set().union(*(metric_names(e.replace("$__rate_interval", "1m")) for e in exprs))
        self.assertEqual({n for n in used if n not in allowed and not n.startswith("pg_")}, set())
        self.assertIn("concierge_transfers_total", used)


class DashboardTests(unittest.TestCase):
    def test_json_matches_its_source(self):
        for filename, text in dashboards.render().items():
            with self.subTest(filename):
                self.assertEqual((ROOT / "monitoring" / "grafana" / "dashboards" / filename).read_text(), text,
                                 "run python3 monitoring/grafana/dashboards.py")

    def test_the_five_dashboards(self):
        uids = {b["uid"] for b in dashboards.DASHBOARDS.values()}
        self.assertEqual(uids, {"concierge-overview", "concierge-chat", "concierge-rag", "concierge-guardrails", "concierge-resources"})
        for board in dashboards.DASHBOARDS.values():
            for panel in board["panels"]:
                self.assertEqual(panel["datasource"]["uid"], "prometheus")
                self.assertTrue(panel["targets"])

    def test_provisioning(self):
        provider = yaml.safe_load((ROOT / "monitoring/grafana/provisioning/dashboards/dashboards.yml").read_text())["providers"][0]
        self.assertEqual(provider["options"]["path"], "/var/lib/grafana/dashboards")
        source = yaml.safe_load((ROOT / "monitoring/grafana/provisioning/datasources/prometheus.yml").read_text())["datasources"][0]
        self.assertEqual((source["uid"], source["url"]), ("prometheus", "http://prometheus:9090"))


class PrometheusConfigTests(unittest.TestCase):
    config = yaml.safe_load((ROOT / "monitoring" / "prometheus.yml").read_text())

    def test_replicas_found_through_dns(self):
        jobs = {job["job_name"]: job for job in self.config["scrape_configs"]}
        self.assertEqual(set(jobs), {"concierge", "rag", "guardrails", "postgres", "prometheus"})
        self.assertEqual(jobs["concierge"]["dns_sd_configs"][0], {"names": ["concierge"], "type": "A", "port": 8000, "refresh_interval": "15s"})
        self.assertNotIn("static_configs", jobs["concierge"])
        self.assertEqual(self.config["rule_files"], ["/etc/prometheus/alerts.yml"])
        self.assertEqual(self.config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"], ["alertmanager:9093"])


if __name__ == "__main__":
    unittest.main()
