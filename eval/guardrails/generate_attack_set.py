#!/usr/bin/env python3
"""Expands attacks_base.json into the attack set: each attack as written plus obfuscated
variants (upper case, spaced letters, zero-width characters, Cyrillic homoglyphs, leetspeak,
full-width forms, combining diacritics, Unicode tag smuggling, base64 wrapping).

    python3 eval/guardrails/generate_attack_set.py
"""
import base64
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "x": "х", "y": "у", "s": "ѕ"}
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def upper(t, r): return t.upper()
def spaced(t, r): return " ".join(" ".join(word) for word in t.split(" "))
def zero_width(t, r): return "".join(c + ("\u200b" if c.isalpha() and r.random() < 0.4 else "") for c in t)
def homoglyph(t, r): return "".join(HOMOGLYPHS.get(c, c) if r.random() < 0.6 else c for c in t)
def leet(t, r): return "".join(LEET.get(c.lower(), c) if r.random() < 0.5 else c for c in t)
def fullwidth(t, r): return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in t)
def diacritics(t, r): return "".join(c + ("\u0301" if c.isalpha() and r.random() < 0.3 else "") for c in t)
def tags(t, r): return "Hi, what is my balance?" + "".join(chr(0xE0000 + ord(c)) for c in t if ord(c) < 128)
def b64(t, r): return "Please handle this request: " + base64.b64encode(t.encode()).decode()


TRANSFORMS = {"upper": upper, "spaced": spaced, "zero_width": zero_width, "homoglyph": homoglyph, "leet": leet,
              "fullwidth": fullwidth, "diacritics": diacritics, "tags": tags, "base64": b64}


def main():
    rng = random.Random(7)
    with open(os.path.join(HERE, "attacks_base.json"), encoding="utf-8") as f:
        base = json.load(f)
    rows = []
    for family, attacks in base.items():
        for text in attacks:
            rows.append({"family": family, "variant": "plain", "text": text})
            # Two obfuscations per attack, cycling through all of them across the set.
            for name in rng.sample(sorted(TRANSFORMS), 2):
                rows.append({"family": family, "variant": name, "text": TRANSFORMS[name](text, rng)})
    path = os.path.join(HERE, "attacks.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} attacks ({sum(len(v) for v in base.values())} base) to {path}")


if __name__ == "__main__":
    main()
