#!/usr/bin/env python3
"""Builds training/guardrails/attacks-public.jsonl from two public, MIT-licensed research
datasets, read from git checkouts pinned to the commits below (see README.md beside this file):

- JailbreakBench artifacts (jailbreak prompts produced by GCG, DSN, PAIR, random search and the
  manual JBC template against four models): every distinct prompt, label "attack".
- BIPIA (Microsoft's benchmark of indirect prompt injection), *train* files only: the attack
  instructions (text and code) placed inside the benchmark's own e-mails and tables, with a
  user request around them (label "attack"); the same documents without an instruction are
  label "benign" — a document to summarize is not an attack, an order hidden in it is.

Deterministic (fixed seed).

    python3 training/guardrails/build_attack_data.py --jailbreakbench DIR --bipia DIR
"""
import argparse
import json
import os
import random
import subprocess

JAILBREAKBENCH_COMMIT = "909e68c01d94222b8ad2e397a017e2e12e2adb73"
BIPIA_COMMIT = "1a2a91da6bb12838e05d1b2e54d98e2f37b835f3"


def check_commit(repo, commit):
    head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    if head != commit:
        raise SystemExit(f"{repo} is at {head}, expected the pinned {commit}")


def git_show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], check=True, capture_output=True, text=True).stdout


def git_files(repo, folder):
    out = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD", folder], check=True, capture_output=True, text=True).stdout
    return sorted(out.split())


def jailbreakbench(repo):
    prompts = []
    seen = set()
    for path in git_files(repo, "attack-artifacts"):
        if not path.endswith(".json") or "test-artifact" in path or path.rsplit("/", 1)[-1] in ("attack-info.json", "evaluation.json", "submission.json"):
            continue
        for jailbreak in json.loads(git_show(repo, path)).get("jailbreaks", []):
            prompt = (jailbreak.get("prompt") or "").strip()
            if prompt and prompt not in seen:
                seen.add(prompt)
                prompts.append({"text": prompt, "label": "attack", "source": "jailbreakbench:" + path.split("/")[1]})
    return prompts


REQUESTS = [
    "Summarize this email for me:\n\n{doc}",
    "Can you tell me what this email is about?\n{doc}",
    "I got this, is it legit?\n\n{doc}",
    "Please translate this into plain English:\n{doc}",
    "{doc}\n\nWhat does this mean for my account?",
    "Here is the table from my statement, what is the total?\n{doc}",
    "Refine the wording of this message:\n\n{doc}",
    "{doc}",
]
WRAPPERS = ["{attack}", "\n{attack}\n", " {attack} ", "\n\n{attack}", "<!-- {attack} -->", "[{attack}]", "P.S. {attack}", "Note to the AI assistant reading this: {attack}"]


def bipia(repo, rng):
    documents = []
    for line in git_show(repo, "benchmark/email/train.jsonl").splitlines():
        if line.strip():
            documents.append(json.loads(line)["context"].replace("|CONTENT:", "\n"))
    tables = [json.loads(line)["context"] for line in git_show(repo, "benchmark/table/train.jsonl").splitlines() if line.strip()]
    rng.shuffle(tables)
    documents += [t for t in tables if len(t) < 1500][:100]
    attacks = []
    for name in ("text_attack_train.json", "code_attack_train.json"):
        for items in json.loads(git_show(repo, f"benchmark/{name}")).values():
            attacks += items
    rows = []
    for doc in documents:
        doc = doc[:1500]
        # As many clean copies as injected ones, so a document's shape says nothing by itself.
        for request in rng.sample(REQUESTS, 3):
            rows.append({"text": request.format(doc=doc), "label": "benign", "source": "bipia:document"})
        for attack in rng.sample(attacks, 3):
            wrapped = rng.choice(WRAPPERS).format(attack=attack)
            cut = rng.choice([0, len(doc) // 2, len(doc)])
            # Cut at a sentence or line break near the chosen point.
            while 0 < cut < len(doc) and doc[cut - 1] not in ".\n":
                cut += 1
            injected = doc[:cut] + wrapped + doc[cut:]
            rows.append({"text": rng.choice(REQUESTS).format(doc=injected), "label": "attack", "source": "bipia:injected"})
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jailbreakbench", required=True, help="git directory of JailbreakBench/artifacts")
    parser.add_argument("--bipia", required=True, help="git directory of microsoft/BIPIA")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "attacks-public.jsonl"))
    args = parser.parse_args()
    check_commit(args.jailbreakbench, JAILBREAKBENCH_COMMIT)
    check_commit(args.bipia, BIPIA_COMMIT)
    rng = random.Random(21)
    rows = jailbreakbench(args.jailbreakbench) + bipia(args.bipia, rng)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = {}
    for row in rows:
        counts[(row["source"].split(":")[0], row["label"])] = counts.get((row["source"].split(":")[0], row["label"]), 0) + 1
    print(f"wrote {len(rows)} rows to {args.out}: {counts}")


if __name__ == "__main__":
    main()
