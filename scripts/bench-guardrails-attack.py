#!/usr/bin/env python3
"""Guardrails under an attack of maximal requests: `--attackers` connections send, back to back,
the most expensive requests the API accepts (a batch of 13 texts of 15,000 characters of spaced
digits — 195,000 characters, just under the per-request budget — or a single 20,000-character
check), while one client polls `/live` and another sends ordinary `/v1/check` requests, each
every 50 ms. Prints both clients' latency percentiles and the attack's throughput.

    python3 scripts/bench-guardrails-attack.py --url http://127.0.0.1:8002 [--seconds 30] [--attackers 8]
    bash scripts/bench-guardrails-attack.sh     # builds release, starts the service, runs this
"""
import argparse
import http.client
import json
import threading
import time
import urllib.parse


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8002")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--attackers", type=int, default=8)
    args = parser.parse_args()
    parsed = urllib.parse.urlparse(args.url)
    host, port = parsed.hostname, parsed.port
    spaced = "1 " * 7_500
    batch = json.dumps({"items": [{"text": spaced, "direction": "input"}] * 13})
    single = json.dumps({"text": ("1 " * 10_000)[:20_000], "direction": "input"})
    ordinary = json.dumps({"text": "why was I charged twice at the coffee shop on my card ending 4242?", "direction": "input"})
    stop = threading.Event()
    results = {"attack": [], "attack_errors": 0, "live": [], "live_errors": 0, "check": [], "check_errors": 0}
    lock = threading.Lock()

    def client(name, method, path, body, pause, timeout):
        """Sends one request after another (`pause` seconds apart) until told to stop, recording
        the latency of each 200 under `name` and counting the rest."""
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        while not stop.is_set():
            started = time.perf_counter()
            try:
                connection.request(method, path, body, {"Content-Type": "application/json"} if body else {})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection = http.client.HTTPConnection(host, port, timeout=timeout)
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    results[name].append(elapsed)
                else:
                    results[name + "_errors"] += 1
            if pause:
                stop.wait(pause)

    def attacker(index):
        body, path = (batch, "/v1/check/batch") if index % 2 == 0 else (single, "/v1/check")
        client("attack", "POST", path, body, pause=0, timeout=60)

    threads = [threading.Thread(target=attacker, args=(i,)) for i in range(args.attackers)]
    threads += [threading.Thread(target=client, args=("live", "GET", "/live", None, 0.05, 30)),
                threading.Thread(target=client, args=("check", "POST", "/v1/check", ordinary, 0.05, 30))]
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    stop.set()
    for thread in threads:
        thread.join()
    attack = results["attack"]
    print(f"{args.attackers} attacking connections for {args.seconds:.0f} s: {len(attack)} maximal requests answered "
          f"({len(attack) / args.seconds:.1f}/s, p50 {percentile(attack, 0.5) * 1000:.0f} ms), {results['attack_errors']} failed")
    for name, label in (("live", "/live"), ("check", "second client's /v1/check")):
        values = results[name]
        print(f"{label:<28} n={len(values):<5} p50 {percentile(values, 0.5) * 1000:7.1f} ms  p99 {percentile(values, 0.99) * 1000:7.1f} ms  "
              f"max {max(values) * 1000 if values else float('nan'):7.1f} ms  errors {results[name + '_errors']}")


if __name__ == "__main__":
    main()
