# sutactl: the commands the README documents. Each installs what it needs first and is
# safe to run again.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
BIN := .build/debug/sutactl
SECONDS ?= 60

# Demo-only values for the platform's secrets (the stand-in images ignore them). Real
# deployments export their own or keep them in manifests/.env.
DEMO_SECRETS := POSTGRES_PASSWORD=demo-only JWT_SECRET_KEY=demo-only SECRET_KEY=demo-only \
  NEO4J_PASSWORD=demo-only GRAFANA_PASSWORD=demo-only RABBITMQ_DEFAULT_PASS=demo-only \
  REDIS_PASSWORD=demo-only CHROMADB_API_KEY=demo-only

.PHONY: all deps engine build test demo demo-down bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

## A Docker Engine (one that already answers is used as is) and the local stand-in image.
## Nothing is pulled from a registry.
engine: deps
	@scripts/engine.sh start
	@scripts/standin-image.sh

build: deps
	$(SWIFT) build

## The whole test suite: unit, golden, command-line and real-engine integration tests.
test: engine
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The main job: apply the SutazAI platform's minimal profile on the local engine with the
## offline stand-in images, wait until every service is healthy, then show status.
demo: engine build
	env $(DEMO_SECRETS) $(BIN) apply -f manifests/ -f examples/offline/ --profile minimal,offline --wait --timeout 180s
	env $(DEMO_SECRETS) $(BIN) status

## Removes what the demo created (volumes too).
demo-down: build
	env $(DEMO_SECRETS) $(BIN) down -f manifests/ --volumes

## Two tables (release build): load+validate+resolve time and peak memory; and the
## reconcile benchmark of the full platform on the local engine against the engine's floor.
bench: engine
	$(SWIFT) build -c release --product sutactl
	$(SWIFT) build -c release --product sutactl-bench
	.build/release/sutactl-bench

## Runs the libFuzzer target over load+validate for $(SECONDS) seconds.
fuzz: deps
	scripts/fuzz.sh $(SECONDS)

clean:
	rm -rf .build .build-fuzz
