.PHONY: run test build release bench-client idle-memory clean

# Build in release, start guardrails, RAG and concierge with embedded defaults, wait for each
# /ready in dependency order, print the URLs; Ctrl-C stops all three.
run:
	bash scripts/run-local.sh

# Unit and integration tests (the integration tests start the real executables).
test:
	swift build --build-tests
	swift test --skip-build

build:
	swift build

release:
	swift build -c release

bench-client:
	bash scripts/bench-http-client.sh

idle-memory:
	bash scripts/measure-idle-memory.sh

clean:
	rm -rf .build
