#!/usr/bin/env python3
"""Source of the Grafana dashboards in monitoring/grafana/dashboards/*.json. Edit here, then
run `python3 monitoring/grafana/dashboards.py`; deploy/tests/test_monitoring.py fails when the
JSON files are out of date, and the live check evaluates every query against Prometheus."""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "dashboards"
DATASOURCE = {"type": "prometheus", "uid": "prometheus"}
API = 'route!~"/live|/ready|/health|/metrics"'  # API routes: probes and scrapes left out
RI = "$__rate_interval"


def ratio(part, whole):
    """part / whole that is 0, not empty, before the first `part` sample."""
    return f"({part} or {whole} * 0) / {whole}"


def quantiles(metric, by, selector="", qs=(0.5, 0.95, 0.99)):
    return [(f"histogram_quantile({q}, sum by ({by}, le) (rate({metric}_bucket{{{selector}}}[{RI}])))",
             f"p{int(q * 100)} {{{{{by.split(',')[0].strip()}}}}}") for q in qs]


def panel(title, targets, unit="short", kind="timeseries", width=12, height=8, description=""):
    return {"title": title, "type": kind, "unit": unit, "targets": targets, "w": width, "h": height,
            "description": description}


def dashboard(uid, title, description, panels):
    laid_out, x, y, row_height = [], 0, 0, 0
    for number, p in enumerate(panels, start=1):
        if x + p["w"] > 24:
            x, y, row_height = 0, y + row_height, 0
        laid_out.append({
            "id": number,
            "title": p["title"],
            "description": p["description"],
            "type": p["type"],
            "datasource": DATASOURCE,
            "gridPos": {"x": x, "y": y, "w": p["w"], "h": p["h"]},
            "fieldConfig": {"defaults": {"unit": p["unit"]}, "overrides": []},
            "options": {"legend": {"displayMode": "list", "placement": "bottom"}} if p["type"] == "timeseries"
            else {"reduceOptions": {"calcs": ["lastNotNull"]}, "colorMode": "value"},
            "targets": [{"datasource": DATASOURCE, "expr": expr, "legendFormat": legend, "refId": chr(65 + i)}
                        for i, (expr, legend) in enumerate(p["targets"])],
        })
        x += p["w"]
        row_height = max(row_height, p["h"])
    return {
        "uid": uid, "title": title, "description": description, "tags": ["fintech-concierge"],
        "timezone": "browser", "schemaVersion": 39, "version": 1, "editable": False,
        "refresh": "30s", "time": {"from": "now-1h", "to": "now"},
        "templating": {"list": []}, "annotations": {"list": []}, "panels": laid_out,
    }


def all_requests(by):
    return f'sum by ({by}) (rate(http_requests_total{{{API}}}[{RI}]))'


DASHBOARDS = {
    "overview": dashboard("concierge-overview", "Concierge stack: overview",
        "Rate, errors and duration per service; readiness and circuit breakers.", [
        panel("Requests per second", [(all_requests("job"), "{{job}}")], "reqps"),
        panel("Server errors (5xx) ratio", [(ratio(f'sum by (job) (rate(http_requests_total{{status=~"5..", {API}}}[{RI}]))', all_requests("job")), "{{job}}")], "percentunit"),
        panel("p95 request duration", quantiles("http_request_duration_seconds", "job", API, qs=(0.95,)), "s"),
        panel("p99 request duration", quantiles("http_request_duration_seconds", "job", API, qs=(0.99,)), "s"),
        panel("Requests by status", [(f'sum by (job, status) (rate(http_requests_total{{{API}}}[{RI}]))', "{{job}} {{status}}")], "reqps"),
        panel("In flight", [("sum by (job) (http_requests_in_flight)", "{{job}}")]),
        panel("Targets up", [('up{job=~"concierge|rag|guardrails|postgres"}', "{{job}} {{instance}}")], kind="stat", width=8),
        panel("Dependencies ready (1 = up)", [("min by (job, dependency) (dependency_up)", "{{job}} → {{dependency}}")], kind="stat", width=8),
        panel("Circuit breakers (0 closed, 1 half-open, 2 open)", [("max by (job, target) (circuit_breaker_state)", "{{job}} → {{target}}")], kind="stat", width=8),
        panel("Breaker transitions", [(f"sum by (job, target, to) (increase(circuit_breaker_transitions_total[{RI}]))", "{{job}} → {{target}}: {{to}}")]),
        panel("Outbound call p95", quantiles("http_client_request_duration_seconds", "job, target", qs=(0.95,)), "s"),
    ]),
    "concierge": dashboard("concierge-chat", "Concierge: chat, transfers, LLM",
        "Intents, transfers, LLM latency and errors, rate limiting, database pool.", [
        panel("Chats by intent", [(f"sum by (intent) (rate(concierge_chat_requests_total[{RI}]))", "{{intent}}")], "reqps"),
        panel("Degraded answers ratio", [(ratio(f'sum(rate(concierge_chat_requests_total{{outcome="degraded"}}[{RI}]))', f"sum(rate(concierge_chat_requests_total[{RI}]))"), "degraded")], "percentunit"),
        panel("Transfers by outcome", [(f"sum by (outcome) (increase(concierge_transfers_total[{RI}]))", "{{outcome}}")]),
        panel("Rate-limited requests per second", [(f"sum(rate(rate_limit_rejections_total[{RI}]))", "429s")], "reqps"),
        panel("LLM latency", quantiles("llm_request_duration_seconds", "provider", qs=(0.5, 0.95)), "s"),
        panel("LLM calls by outcome", [(f"sum by (provider, outcome) (rate(llm_requests_total[{RI}]))", "{{provider}} {{outcome}}")], "reqps"),
        panel("Chat p95 by replica", [(f'histogram_quantile(0.95, sum by (instance, le) (rate(http_request_duration_seconds_bucket{{job="concierge", route="/v1/chat"}}[{RI}])))', "{{instance}}")], "s"),
        panel("Database pool", [('sum by (instance, state) (db_pool_connections{job="concierge"})', "{{instance}} {{state}}")]),
        panel("Replicas up", [('count(up{job="concierge"} == 1)', "replicas")], kind="stat", width=6),
    ]),
    "rag": dashboard("concierge-rag", "RAG: knowledge-base search",
        "Search latency by mode, searches, chunks, embedding calls, database pool.", [
        panel("Search latency p95 by mode", quantiles("rag_search_duration_seconds", "mode", qs=(0.95,)), "s"),
        panel("Search latency p50 / p99 (all modes)", quantiles("rag_search_duration_seconds", "job", qs=(0.5, 0.99)), "s"),
        panel("Searches per second by mode", [(f"sum by (mode) (rate(rag_search_duration_seconds_count[{RI}]))", "{{mode}}")], "reqps"),
        panel("Chunks in the store", [("max(rag_chunks)", "chunks")], kind="stat", width=6),
        panel("Document API by route and status", [(f'sum by (route, status) (rate(http_requests_total{{job="rag", route=~"/v1/.*"}}[{RI}]))', "{{route}} {{status}}")], "reqps", width=18),
        panel("Embedding calls per second", [(f'sum(rate(http_client_request_duration_seconds_count{{target="embeddings"}}[{RI}]))', "calls")], "reqps"),
        panel("Embedding call latency", quantiles("http_client_request_duration_seconds", "target", 'target="embeddings"', qs=(0.5, 0.95)), "s"),
        panel("Database pool", [('sum by (instance, state) (db_pool_connections{job="rag"})', "{{instance}} {{state}}")]),
    ]),
    "guardrails": dashboard("concierge-guardrails", "Guardrails: checks and findings",
        "Checks by action and direction, findings by type, check latency.", [
        panel("Checks by direction and action", [(f"sum by (direction, action) (rate(guardrails_checks_total[{RI}]))", "{{direction}} {{action}}")], "reqps"),
        panel("Blocked ratio by direction", [(f'sum by (direction) (rate(guardrails_checks_total{{action="block"}}[{RI}])) / sum by (direction) (rate(guardrails_checks_total[{RI}]))', "{{direction}}")], "percentunit"),
        panel("Findings by type", [(f"sum by (type) (rate(guardrails_findings_total[{RI}]))", "{{type}}")], "reqps"),
        panel("/v1/check latency", quantiles("http_request_duration_seconds", "route", 'job="guardrails", route=~"/v1/check.*"', qs=(0.5, 0.99)), "s"),
    ]),
    "resources": dashboard("concierge-resources", "Process resources",
        "Memory, CPU, file descriptors and threads of every replica; PostgreSQL connections.", [
        panel("Resident memory", [('process_resident_memory_bytes{job=~"concierge|rag|guardrails"}', "{{job}} {{instance}}")], "bytes"),
        panel("CPU (cores)", [(f'rate(process_cpu_seconds_total{{job=~"concierge|rag|guardrails"}}[{RI}])', "{{job}} {{instance}}")]),
        panel("Open file descriptors (share of limit)", [('process_open_fds{job=~"concierge|rag|guardrails"} / process_max_fds{job=~"concierge|rag|guardrails"}', "{{job}} {{instance}}")], "percentunit"),
        panel("Threads", [('process_threads{job=~"concierge|rag|guardrails"}', "{{job}} {{instance}}")]),
        panel("Virtual memory", [('process_virtual_memory_bytes{job=~"concierge|rag|guardrails"}', "{{job}} {{instance}}")], "bytes"),
        panel("Uptime", [('time() - process_start_time_seconds{job=~"concierge|rag|guardrails"}', "{{job}} {{instance}}")], "s"),
        panel("PostgreSQL reachable", [("pg_up", "{{instance}}")], kind="stat", width=6),
        panel("PostgreSQL backends", [("sum by (datname) (pg_stat_database_numbackends)", "{{datname}}")], width=18),
    ]),
}


def render():
    return {f"{name}.json": json.dumps(board, indent=2, ensure_ascii=False) + "\n" for name, board in DASHBOARDS.items()}


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for filename, text in render().items():
        (OUT / filename).write_text(text)
        print("wrote", OUT / filename)
