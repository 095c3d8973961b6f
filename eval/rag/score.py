#!/usr/bin/env python3
"""Retrieval quality of a running RAGService on the labeled question set.

For each mode (vector, keyword, hybrid) every question is searched with top_k=10; a result is
relevant when its document is one of the question's labeled articles. Prints recall@1,
recall@5 and MRR (reciprocal rank of the first relevant result, 0 beyond rank 10), and exits 1
when --min-recall5 / --min-mrr gates for hybrid are missed.

    python3 eval/rag/score.py --url http://127.0.0.1:8001 [--label memory] [--min-recall5 0.95 --min-mrr 0.85]
"""
import argparse
import json
import sys
import urllib.request


def search(url, query, mode, key):
    body = json.dumps({"query": query, "top_k": 10, "mode": mode}).encode()
    request = urllib.request.Request(url + "/v1/search", data=body, headers={"Content-Type": "application/json"})
    if key:
        request.add_header("X-Internal-API-Key", key)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["results"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8001")
    parser.add_argument("--questions", default="eval/rag/questions.jsonl")
    parser.add_argument("--label", default="")
    parser.add_argument("--internal-api-key", default=None)
    parser.add_argument("--min-recall5", type=float, default=None)
    parser.add_argument("--min-mrr", type=float, default=None)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    questions = [json.loads(line) for line in open(args.questions) if line.strip()]
    print(f"{args.label or args.url}: {len(questions)} questions")
    print(f"{'mode':<8} {'recall@1':>9} {'recall@5':>9} {'MRR':>7}")
    failed = False
    for mode in ("vector", "keyword", "hybrid"):
        r1 = r5 = rr = 0.0
        misses = []
        for q in questions:
            results = search(args.url, q["question"], mode, args.internal_api_key)
            relevant = set(q["relevant"])
            rank = next((i + 1 for i, r in enumerate(results) if r["document_id"] in relevant), None)
            if rank == 1:
                r1 += 1
            if rank is not None and rank <= 5:
                r5 += 1
            if rank is not None:
                rr += 1.0 / rank
            if rank is None or rank > 5:
                misses.append((q["question"], q["relevant"], [r["document_id"] for r in results[:3]]))
        n = len(questions)
        print(f"{mode:<8} {r1 / n:>9.3f} {r5 / n:>9.3f} {rr / n:>7.3f}")
        if args.show_misses:
            for question, relevant, got in misses:
                print(f"    miss: {question!r} want {relevant} got {got}")
        if mode == "hybrid":
            if args.min_recall5 is not None and r5 / n < args.min_recall5:
                failed = True
            if args.min_mrr is not None and rr / n < args.min_mrr:
                failed = True
    if failed:
        print("FAILED: hybrid below the gate", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
