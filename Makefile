# sutactl: the commands the README documents. Each installs what it needs first.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
BIN := .build/debug/sutactl
SECONDS ?= 60

.PHONY: all deps engine build test demo bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

## A Docker Engine for the integration tests (one that already answers is used as is) and
## the local stand-in image they run. Nothing is pulled.
engine:
	@scripts/engine.sh start
	@scripts/standin-image.sh

build: deps
	$(SWIFT) build

## The whole test suite: unit, golden and command-line tests.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## The main job: validate the SutazAI manifests under every profile, then show the
## resolved minimal profile.
demo: build
	@for profile in minimal default full security minimal,security; do \
	  $(BIN) validate -f manifests/ --profile $$profile || exit 1; \
	done
	$(BIN) config -f manifests/ --profile minimal

## Load+validate+resolve timings and peak memory (release build).
bench: deps
	$(SWIFT) build -c release --product sutactl-bench
	.build/release/sutactl-bench

## Runs the libFuzzer target over load+validate for $(SECONDS) seconds.
fuzz: deps
	scripts/fuzz.sh $(SECONDS)

clean:
	rm -rf .build .build-fuzz
