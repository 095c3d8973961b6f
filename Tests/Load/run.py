#!/usr/bin/env python3
"""Headless load scenarios with SLO gates (locust from PyPI).

  python3 Tests/Load/run.py baseline            # starts the stack (release build), 60 s
  python3 Tests/Load/run.py stress --run-time 2m
  python3 Tests/Load/run.py spike
  python3 Tests/Load/run.py soak --run-time 30m
  python3 Tests/Load/run.py baseline --no-start  # against CONCIERGE_URL/RAG_URL/GUARDRAILS_URL already running

Writes locust's CSV and HTML reports to reports/load/<scenario>-<UTC time>/ and exits 1 when a
gate is missed: error rate < 0.1 %, p95 < 500 ms and p99 < 1 s overall (every scenario), and
for baseline the tighter per-endpoint targets below (this project's benchmarks leave large
headroom under them). When it starts the stack it samples each service's resident memory
every 10 s (memory.csv); soak also fails when a service's memory keeps growing (end over the
sample a quarter in by more than 25 % and 32 MB). LOCUST (default: locust on PATH or in
TOOLS_DIR) names the binary.
"""
import argparse
import csv
import datetime
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = {
    #            users, spawn rate, run time
    "baseline": (30, 10, "60s"),
    "stress": (150, 25, "120s"),
    "spike": (10, 10, "90s"),  # LOAD_SHAPE=spike: 10 → 100 → 10 users
    "soak": (30, 10, "30m"),
}
OVERALL = {"error_rate": 0.001, "p95_ms": 500, "p99_ms": 1000}
# Baseline, per request name (prefix match): p95 and p99 in milliseconds.
BASELINE_TARGETS = {
    "/health": (25, 50),
    "/v1/check": (25, 50),
    "/v1/search": (50, 100),
    "/v1/documents/{id}": (25, 50),
    "/v1/chat": (150, 300),
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_stack(log_dir):
    subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = pathlib.Path(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout.strip())
    g, r, c = free_port(), free_port(), free_port()
    env = dict(os.environ, HOST="127.0.0.1", LOG_LEVEL="warning", RATE_LIMIT_PER_MINUTE="0",
               JWT_SECRET=os.environ.get("JWT_SECRET", "load-test-secret-0123456789abcdef"),
               INTERNAL_API_KEY=os.environ.get("INTERNAL_API_KEY", "load-test-internal-key-0123"))
    processes = []
    for name, port, extra in [("GuardrailsService", g, {}), ("RAGService", r, {}),
                              ("ConciergeService", c, {"GUARDRAILS_URL": f"http://127.0.0.1:{g}", "RAG_URL": f"http://127.0.0.1:{r}"})]:
        log = open(log_dir / f"{name}.log", "w")
        processes.append(subprocess.Popen([str(binary / name)], env=dict(env, PORT=str(port), **extra), stdout=log, stderr=log))
    deadline = time.monotonic() + 60
    while subprocess.run([str(binary / "ConciergeService"), "healthcheck", f"http://127.0.0.1:{c}/ready"],
                         capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            raise SystemExit("the stack did not become ready; logs in " + str(log_dir))
        time.sleep(0.2)
    urls = {"CONCIERGE_URL": f"http://127.0.0.1:{c}", "RAG_URL": f"http://127.0.0.1:{r}", "GUARDRAILS_URL": f"http://127.0.0.1:{g}"}
    return processes, dict(env, **urls)


def rss_mb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def sample_memory(processes, out, stop, every=10):
    """Resident memory of each started service every `every` seconds, to memory.csv."""
    with open(out / "memory.csv", "w") as f:
        f.write("seconds," + ",".join(p.args[0].rsplit("/", 1)[-1] for p in processes) + "\n")
        started = time.monotonic()
        while True:
            values = [rss_mb(p.pid) for p in processes]
            f.write(f"{time.monotonic() - started:.0f}," + ",".join(f"{v:.1f}" if v else "" for v in values) + "\n")
            f.flush()
            if stop.wait(every):
                return


def memory_gate(out, lines, missed):
    """Soak: no service's memory may keep growing. Compares the end with the sample a quarter
    into the run (caches and pools are warm by then): at most +25 % or +32 MB."""
    rows = [line.strip().split(",") for line in open(out / "memory.csv")][1:]
    header = open(out / "memory.csv").readline().strip().split(",")[1:]
    rows = [r for r in rows if all(r[1:])]
    if len(rows) < 4:
        return
    warm, last = rows[len(rows) // 4], rows[-1]
    for i, name in enumerate(header, start=1):
        before, after = float(warm[i]), float(last[i])
        ok = after <= max(before * 1.25, before + 32)
        lines.append(f"  {'ok  ' if ok else 'MISS'} {name} resident memory: {before:.1f} MB at {warm[0]} s, {after:.1f} MB at {last[0]} s")
        if not ok:
            missed.append(f"{name} memory growth")


def gates(stats_csv, scenario):
    rows = list(csv.DictReader(open(stats_csv)))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    lines, missed = [], []
    error_rate = failures / requests if requests else 1.0

    def check(label, value, limit, unit=""):
        ok = value < limit
        lines.append(f"  {'ok  ' if ok else 'MISS'} {label}: {value:g}{unit} (< {limit:g}{unit})")
        if not ok:
            missed.append(label)

    lines.append(f"  {'ok  ' if requests else 'MISS'} requests: {requests}, {float(total['Requests/s']):.1f} req/s")
    if not requests:
        return lines, ["no requests"]
    check("error rate", round(error_rate * 100, 4), OVERALL["error_rate"] * 100, " %")
    check("p95", float(total["95%"]), OVERALL["p95_ms"], " ms")
    check("p99", float(total["99%"]), OVERALL["p99_ms"], " ms")
    if scenario == "baseline":
        for row in rows:
            target = next((t for prefix, t in BASELINE_TARGETS.items() if row["Name"].startswith(prefix)), None)
            if row["Name"] == "Aggregated" or not target or int(row["Request Count"]) == 0:
                continue
            check(f"{row['Name']} p95", float(row["95%"]), target[0], " ms")
            check(f"{row['Name']} p99", float(row["99%"]), target[1], " ms")
    return lines, missed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=SCENARIOS)
    parser.add_argument("--users", type=int)
    parser.add_argument("--spawn-rate", type=float)
    parser.add_argument("--run-time")
    parser.add_argument("--no-start", action="store_true", help="use the running services named by *_URL")
    parser.add_argument("--reports", default=str(ROOT / "reports" / "load"))
    args = parser.parse_args()
    users, spawn, run_time = SCENARIOS[args.scenario]
    users, spawn, run_time = args.users or users, args.spawn_rate or spawn, args.run_time or run_time
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = pathlib.Path(args.reports) / f"{args.scenario}-{stamp}"
    out.mkdir(parents=True)
    locust = os.environ.get("LOCUST") or shutil.which("locust") or \
        str(pathlib.Path(os.environ.get("TOOLS_DIR", "/var/tmp/fintech-concierge-tools")) / "bin" / "locust")
    processes, env = ([], dict(os.environ)) if args.no_start else start_stack(out)
    if args.scenario == "spike":
        env.update(LOAD_SHAPE="spike", SPIKE_SECONDS=str(int(run_time.rstrip("s"))) if run_time.endswith("s") else "90")
    stop_sampling = threading.Event()
    sampler = threading.Thread(target=sample_memory, args=(processes, out, stop_sampling), daemon=True)
    if processes:
        sampler.start()
    try:
        print(f"{args.scenario}: {users} users, spawn {spawn}/s, {run_time}; machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}")
        subprocess.run([locust, "-f", str(ROOT / "Tests" / "Load" / "locustfile.py"), "--headless", "--only-summary",
                        "-u", str(users), "-r", str(spawn), "--run-time", run_time, "--stop-timeout", "10",
                        "--csv", str(out / "locust"), "--html", str(out / "report.html"), "--loglevel", "WARNING"],
                       env=env, check=False)
    finally:
        stop_sampling.set()
        if processes:
            sampler.join()
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=15)
    lines, missed = gates(out / "locust_stats.csv", args.scenario)
    if processes and args.scenario == "soak":
        memory_gate(out, lines, missed)
    print(f"SLO gates ({args.scenario}); reports in {out}:")
    print("\n".join(lines))
    if missed:
        print("FAILED: " + ", ".join(missed))
        sys.exit(1)
    print("PASSED")


if __name__ == "__main__":
    main()
