.PHONY: run test build release bench-client bench-chat bench-rag eval-rag eval-chat eval-understanding train-intents eval-guardrails train-guardrails bench-encoder idle-memory clean

# Build in release, start guardrails, RAG and concierge with embedded defaults, wait for each
# /ready in dependency order, print the URLs; Ctrl-C stops all three.
run:
	bash scripts/run-local.sh

# Unit and integration tests (the integration tests start the real executables), then the
# deployment tests (structure, validators, the twin, the live monitoring check), the fault
# suite and the API suite (schemathesis against docs/api, abuse cases). Python 3 with PyYAML;
# the twin, monitoring, fault and API suites need TEST_DATABASE_URL.
test:
	swift build --build-tests
	swift test --skip-build --skip DialoguePropertyTests --skip TextEncodingTests
	# The dialogue property test (10,000 conversations) and the encoder's reference test
	# (seconds of matrix products on the test threads) on their own: either would load the
	# CPU under the timing-sensitive readiness and integration tests.
	swift test --skip-build --filter DialoguePropertyTests
	swift test --skip-build --filter TextEncodingTests
	python3 -m unittest discover -s deploy/tests
	python3 -m unittest discover -s Tests/Fault
	python3 -m unittest discover -s Tests/API

build:
	swift build

release:
	swift build -c release

bench-client:
	bash scripts/bench-http-client.sh

bench-chat:
	bash scripts/bench-chat.sh

bench-rag:
	bash scripts/bench-rag.sh

# The sentence encoder: one query's p50/p99 on one thread, batch throughput on 1 and 2 threads,
# resident memory, OpenBLAS against a hand-written SIMD product (docs/benchmarks.md).
bench-encoder:
	bash scripts/fetch-model.sh >/dev/null
	swift build -c release --product EncoderBenchmark
	$$(swift build -c release --show-bin-path)/EncoderBenchmark

# Retrieval quality (recall@1, recall@5, MRR) on eval/rag/questions.jsonl, both stores.
eval-rag:
	bash eval/rag/run-eval.sh

# Dialogue quality: the conversation sets in eval/chat/ replayed through the concierge, a score
# per category for the validation and the held-out file, and turns that moved money wrongly.
eval-chat:
	swift run ChatEval

# Understanding: the bundled intent model's accuracy, macro-F1 and routing on the validation
# split (BANKING77 part and account part), the ten worst intents, and its time per message.
# HELD_OUT=1 reports the part kept apart for final figures.
eval-understanding:
	swift run -c release ConciergeTrainer evaluate $(if $(HELD_OUT),--held-out,)

# Guardrails on the team's sets and on the blind generalization sets (validation half, or the
# held-out half with HELD_OUT=1), with Presidio side by side when its venv exists
# (docs/guardrails.md says how to make it).
PRESIDIO_PYTHON ?= $(wildcard /var/tmp/presidio-venv/bin/python)
eval-guardrails:
	PRESIDIO_PYTHON=$(PRESIDIO_PYTHON) bash eval/guardrails/run-eval.sh $(if $(HELD_OUT),--split heldout,)

# Retrain the guardrails' attack model from training/guardrails/ (deterministic).
train-guardrails:
	swift run -c release ConciergeTrainer train-attacks

# Retrain the intent model from training/intents/ (deterministic; writes the bundled model).
train-intents:
	swift run -c release ConciergeTrainer train

idle-memory:
	bash scripts/measure-idle-memory.sh

clean:
	rm -rf .build
