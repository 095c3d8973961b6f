#!/usr/bin/env python3
"""Generates the labeled PII corpus for the guardrails evaluation.

Every sample is a realistic banking-chat message with zero or more PII spans, labeled with
Python str offsets (Unicode code points, the API's unit). Hard negatives hold look-alikes that
are not PII: 16-digit numbers failing Luhn, amounts, dates, order ids, ZIP+4 codes, bare
9-digit numbers, times, versions. Deterministic for a given --seed.

    python3 eval/guardrails/generate_pii_corpus.py --count 2000 --out eval/guardrails/pii_corpus.jsonl
"""
import argparse
import json
import random
import string

FIRST = ["Maria", "James", "Priya", "Wei", "Fatima", "Carlos", "Aisha", "Liam", "Sofia", "Kenji", "Olga", "Mateo",
         "Chloe", "Dmitri", "Amara", "Noah", "Ingrid", "Rahul", "Elena", "Kwame", "Hannah", "Diego", "Yuki", "Omar",
         "Zoë", "José", "Björn", "Siobhan", "Nguyen", "Grace", "Tomasz", "Leila", "Marcus", "Ana", "Felix", "Imani"]
LAST = ["Gonzalez", "Smith", "Patel", "Chen", "Khan", "Rodriguez", "Okafor", "Murphy", "Rossi", "Tanaka", "Ivanova",
        "Silva", "Martin", "Petrov", "Mensah", "Johnson", "Larsen", "Sharma", "Popescu", "Boateng", "Schmidt",
        "Hernández", "Sato", "Haddad", "Müller", "O'Brien", "Kowalski", "Nguyen", "Williams", "Dubois", "Novak"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "example.org", "proton.me", "company.co.uk", "uni.edu", "mail.de"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def luhn_complete(prefix, length, rng):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rng.randint(0, 9))
    for check in range(10):
        candidate = digits + [check]
        total = 0
        for i, d in enumerate(reversed(candidate)):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return "".join(map(str, candidate))
    raise AssertionError


def card(rng):
    issuer = rng.choice(["visa", "visa", "mc", "mc2", "amex", "discover", "jcb"])
    if issuer == "visa":
        number = luhn_complete("4", 16, rng)
    elif issuer == "mc":
        number = luhn_complete(str(rng.randint(51, 55)), 16, rng)
    elif issuer == "mc2":
        number = luhn_complete(str(rng.randint(2221, 2720)), 16, rng)
    elif issuer == "amex":
        number = luhn_complete(rng.choice(["34", "37"]), 15, rng)
    elif issuer == "discover":
        number = luhn_complete("6011", 16, rng)
    else:
        number = luhn_complete(str(rng.randint(3528, 3589)), 16, rng)
    style = rng.choice(["plain", "space", "dash"])
    if style == "plain":
        return number
    sep = " " if style == "space" else "-"
    if len(number) == 15:
        return sep.join([number[:4], number[4:10], number[10:]])
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


def bad_luhn_16(rng):
    number = card_digits = luhn_complete("4", 16, rng)
    last = (int(number[-1]) + rng.randint(1, 9)) % 10
    card_digits = number[:-1] + str(last)
    style = rng.choice(["plain", "space"])
    return card_digits if style == "plain" else " ".join(card_digits[i:i + 4] for i in range(0, 16, 4))


def ssn_digits(rng):
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"


def ssn(rng):
    a, g, s = ssn_digits(rng)
    return rng.choice([f"{a}-{g}-{s}", f"{a}-{g}-{s}", f"{a} {g} {s}"])


def nanp(rng):
    area = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    while area[1:] == "11":
        area = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    exchange = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    line = f"{rng.randint(0, 9999):04d}"
    return area, exchange, line


def phone(rng):
    a, e, l = nanp(rng)
    return rng.choice([
        f"({a}) {e}-{l}", f"{a}-{e}-{l}", f"{a}.{e}.{l}", f"{a} {e} {l}", f"+1 {a} {e} {l}", f"1-{a}-{e}-{l}",
        f"+1{a}{e}{l}", f"+44 20 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}",
        f"+49 30 {rng.randint(100000, 999999)}", f"+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
    ])


def email(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([f"{first}.{last}", f"{first}{rng.randint(1, 99)}", f"{first[0]}{last}", f"{first}_{last}+bank"])
    local = local.lower().replace("'", "").replace("ü", "u").replace("é", "e").replace("á", "a").replace("ö", "o").replace("ë", "e")
    return f"{local}@{rng.choice(DOMAINS)}"


IBAN_FORMATS = {  # country: list of (kind, count) for the BBAN
    "DE": [("d", 18)], "ES": [("d", 20)], "NL": [("A", 4), ("d", 10)], "GB": [("A", 4), ("d", 14)],
    "BE": [("d", 12)], "AT": [("d", 16)], "CH": [("d", 5), ("c", 12)], "FR": [("d", 10), ("c", 11), ("d", 2)],
    "IT": [("A", 1), ("d", 10), ("c", 12)], "PL": [("d", 24)],
}


def iban(rng):
    country = rng.choice(list(IBAN_FORMATS))
    bban = ""
    for kind, count in IBAN_FORMATS[country]:
        alphabet = string.digits if kind == "d" else string.ascii_uppercase if kind == "A" else string.digits + string.ascii_uppercase
        bban += "".join(rng.choice(alphabet) for _ in range(count))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    value = f"{country}{check:02d}{bban}"
    if rng.random() < 0.5:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def routing(rng):
    while True:
        prefix = rng.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)))
        digits = [prefix // 10, prefix % 10] + [rng.randint(0, 9) for _ in range(6)]
        for check in range(10):
            d = digits + [check]
            if (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0:
                return "".join(map(str, d))


def ipv4(rng):
    return ".".join(str(rng.randint(1, 254)) for _ in range(4))


def ipv6(rng):
    groups = [f"{rng.randint(0, 0xffff):x}" for _ in range(8)]
    if rng.random() < 0.5:
        i = rng.randint(1, 5)
        return ":".join(groups[:i]) + "::" + ":".join(groups[i + 2:])
    return ":".join(groups)


def account(rng):
    return "".join(rng.choice(string.digits) for _ in range(rng.randint(8, 12)))


def person(rng):
    if rng.random() < 0.6:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return rng.choice(FIRST)


def dob(rng):
    y, m, d = rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1]} {y}"])


TEMPLATES = {
    "CREDIT_CARD": [
        "My card number is {} and it was declined at the pharmacy.",
        "Can you freeze card {} please? I think I lost it.",
        "I was charged twice on {} for the same subscription.",
        "card {} exp 09/27 — is it still active?",
        "Why did the payment with {} fail yesterday?",
        "Please dispute the $84.20 charge on my card {}.",
    ],
    "US_SSN": [
        "My SSN is {} if you need to verify me.",
        "For the tax form, my social security number is {}.",
        "Here is my social: {}",
        "The application asked for my SSN, it's {}.",
        "verify with ssn {} please",
    ],
    "PHONE_NUMBER": [
        "You can call me back at {} after 5pm.",
        "My new phone number is {}, please update it.",
        "Text me at {} when the transfer lands.",
        "Someone called me from {} claiming to be the bank.",
        "Update my mobile to {}",
    ],
    "EMAIL_ADDRESS": [
        "Please send the statement to {}.",
        "My email changed to {}, can you update my profile?",
        "I got a suspicious message from {} asking for my PIN.",
        "Contact me at {}",
    ],
    "IBAN_CODE": [
        "I need to wire €500 to IBAN {} for my rent.",
        "The recipient's IBAN is {}.",
        "Is this IBAN correct: {}?",
        "Send the refund to {} please.",
    ],
    "US_BANK_ROUTING": [
        "The routing number is {} for the direct deposit.",
        "Is {} the right ABA routing number for wires?",
        "My employer needs the routing number: {}.",
        "routing {} and the account is with you",
    ],
    "IP_ADDRESS": [
        "I got a login alert from IP {} that wasn't me.",
        "The security email said a sign-in came from {}.",
        "My router's address is {}, could that be the problem?",
        "Block logins from {} please.",
    ],
    "US_BANK_ACCOUNT": [
        "Please deposit it into my checking account number {}.",
        "My savings account {} shows the wrong balance.",
        "The account number is {} at my other bank.",
    ],
    "PERSON": [
        "Hi, my name is {} and I need help with a transfer.",
        "Hello, this is {}. My card was stolen.",
        "Thanks for your help!\nRegards,\n{}",
        "Dear {}, please confirm the wire.",
        "I'm {} and I'd like to open a savings account.",
    ],
    "DATE_OF_BIRTH": [
        "My date of birth is {} if you need it.",
        "I was born on {}.",
        "DOB: {}",
        "For verification, my birthday is {}.",
    ],
}
GENERATORS = {
    "CREDIT_CARD": card, "US_SSN": ssn, "PHONE_NUMBER": phone, "EMAIL_ADDRESS": email, "IBAN_CODE": iban,
    "US_BANK_ROUTING": routing, "US_BANK_ACCOUNT": account, "PERSON": person, "DATE_OF_BIRTH": dob,
    "IP_ADDRESS": lambda rng: ipv4(rng) if rng.random() < 0.7 else ipv6(rng),
}

HARD_NEGATIVES = [
    lambda r: f"My order {bad_luhn_16(r)} hasn't arrived yet.",
    lambda r: f"Tracking number {bad_luhn_16(r)} shows delivered.",
    lambda r: f"I was charged ${r.randint(1, 9)},{r.randint(100, 999)}.{r.randint(10, 99)} instead of ${r.randint(10, 99)}.{r.randint(10, 99)}.",
    lambda r: f"The payment of {r.randint(100, 9999)}.{r.randint(10, 99)} USD is pending since {r.randint(1, 12):02d}/{r.randint(1, 28):02d}/2025.",
    lambda r: f"Statement dated 2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} shows a fee of $35.",
    lambda r: f"Order #{r.choice('ABCDEFGH')}{r.randint(10000000, 99999999)} was refunded.",
    lambda r: f"Reference {r.randint(100000000, 999999999)} on my transfer is wrong.",
    lambda r: f"Confirmation code {r.randint(100000000, 999999999)} — did it go through?",
    lambda r: f"My ZIP is {r.randint(10000, 99999)}-{r.randint(1000, 9999)} for the billing address.",
    lambda r: f"The transfer on {r.choice(MONTHS)} {r.randint(1, 28)}, 2025 at {r.randint(1, 12)}:{r.randint(10, 59)} pm failed.",
    lambda r: f"App version {r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)} keeps crashing.",
    lambda r: f"Interest went from {r.randint(1, 9)}.{r.randint(10, 99)}% to {r.randint(1, 9)}.{r.randint(10, 99)}%.",
    lambda r: f"Ticket {r.randint(1000, 9999)}-{r.randint(100, 999)}-{r.randint(1000, 9999)}0 is still open.",
    lambda r: f"Invoice {r.randint(1000000000, 9999999999)} from the utility was paid twice.",
    lambda r: f"I want to move {r.randint(100, 5000)} dollars between my accounts on {r.randint(1, 12)}/{r.randint(1, 28)}.",
    lambda r: f"Case number {r.randint(10, 99)}-{r.randint(1000000, 9999999)} about my dispute.",
    lambda r: f"Budget for 2025: rent 1850, groceries 600, savings 400, total {r.randint(3000, 4000)}.",
    lambda r: f"Member since {r.randint(1990, 2020)}, customer tier {r.randint(1, 5)}, {r.randint(100, 999)} points.",
]


def make_sample(rng, entity_types):
    """A message with one or two labeled entities."""
    text = ""
    spans = []
    for i, entity in enumerate(entity_types):
        template = rng.choice(TEMPLATES[entity])
        value = GENERATORS[entity](rng)
        prefix, suffix = template.split("{}")
        if i > 0:
            text += " "
        start = len(text) + len(prefix)
        text += prefix + value + suffix
        spans.append({"type": entity, "start": start, "end": start + len(value), "text": value})
    return {"text": text, "entities": spans}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000, help="positive samples")
    parser.add_argument("--negatives", type=int, default=600, help="hard-negative samples")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--out", default="eval/guardrails/pii_corpus.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    types = list(TEMPLATES)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            chosen = [types[i % len(types)]]
            if rng.random() < 0.25:
                chosen.append(rng.choice(types))
            sample = make_sample(rng, chosen)
            sample["kind"] = "positive"
            out.write(json.dumps(sample, ensure_ascii=False) + "\n")
        for i in range(args.negatives):
            text = HARD_NEGATIVES[i % len(HARD_NEGATIVES)](rng)
            out.write(json.dumps({"text": text, "entities": [], "kind": "hard_negative"}, ensure_ascii=False) + "\n")
    print(f"wrote {args.count} positive and {args.negatives} hard-negative samples to {args.out}")


if __name__ == "__main__":
    main()
