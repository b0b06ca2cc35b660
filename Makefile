# sutactl: the commands the README documents. Each installs what it needs first and is
# safe to run again.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
SWIFT ?= swift
BIN := .build/debug/sutactl
SECONDS ?= 60
JOBS ?= 1

# Demo-only values for the platform's secrets (the stand-in images ignore them). Real
# deployments export their own or keep them in manifests/.env.
DEMO_SECRETS := POSTGRES_PASSWORD=demo-only JWT_SECRET_KEY=demo-only SECRET_KEY=demo-only \
  NEO4J_PASSWORD=demo-only GRAFANA_PASSWORD=demo-only RABBITMQ_DEFAULT_PASS=demo-only \
  REDIS_PASSWORD=demo-only CHROMADB_API_KEY=demo-only

STANDINS_ENV := .build/standins.env

.PHONY: all deps engine standins build test demo demo-down bench bench-compose bench-swarm fuzz clean swarm-lab swarm-lab-down

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

## A real 3-node Docker Swarm on this machine (SWARM_LAB_NODES=N for another size): one network
## namespace and dockerd per node under /tmp/sutactl-swarm, the stand-in image on every node.
## Prints the manager's DOCKER_HOST (docs/swarm.md). Safe to run again.
swarm-lab: engine
	@scripts/swarm-lab.sh up

## Stops the lab's dockerds and removes everything `make swarm-lab` made.
swarm-lab-down:
	@scripts/swarm-lab.sh down

## Stand-ins for the Kong admin API, the Consul agent and the Ollama server on 127.0.0.1
## (the real servers cannot be installed here); their URLs go to $(STANDINS_ENV).
standins: build
	@if [ -f .build/standins.pid ] && kill -0 "$$(cat .build/standins.pid)" 2>/dev/null && [ -s $(STANDINS_ENV) ]; then \
	  echo "stand-ins: already running ($$(tr '\n' ' ' < $(STANDINS_ENV)))"; \
	else \
	  rm -f $(STANDINS_ENV); \
	  nohup .build/debug/sutactl-standins --env-file $(STANDINS_ENV) > .build/standins.log 2>&1 < /dev/null & echo $$! > .build/standins.pid; \
	  for i in $$(seq 100); do [ -s $(STANDINS_ENV) ] && break; sleep 0.1; done; \
	  cat .build/standins.log; \
	fi

## The main job: apply the SutazAI platform's minimal profile on the local engine with the
## offline stand-in images (models pulled and preloaded on the Ollama stand-in), wait until
## every service is healthy, then show status.
demo: engine build standins
	env $(DEMO_SECRETS) $$(cat $(STANDINS_ENV)) $(BIN) apply -f manifests/ -f examples/offline/ --profile minimal,offline --wait --timeout 180s
	env $(DEMO_SECRETS) $$(cat $(STANDINS_ENV)) $(BIN) status

## Removes what the demo created (volumes too) and stops the stand-ins.
demo-down: build
	env $(DEMO_SECRETS) $(BIN) down -f manifests/ --volumes
	@if [ -f .build/standins.pid ]; then kill "$$(cat .build/standins.pid)" 2>/dev/null || true; rm -f .build/standins.pid $(STANDINS_ENV); fi

## Two tables (release build): load+validate+resolve time and peak memory; and the
## reconcile benchmark of the full platform on the local engine against the engine's floor
## (its own project, subnet and host ports: it runs beside the demo).
## Then the side-by-side benchmarks (bench-compose, then bench-swarm).
bench: engine
	$(SWIFT) build -c release --product sutactl
	$(SWIFT) build -c release --product sutactl-bench
	.build/release/sutactl-bench
	@$(MAKE) --no-print-directory bench-compose
	@$(MAKE) --no-print-directory bench-swarm

## sutactl against Debian's docker-compose 1.29 (installed by deps) on one generated topology
## of BENCH_N services (each size in turn), BENCH_ROUNDS rounds with the order swapped each
## round, and the raw Engine API floor; every command limited to BENCH_LIMIT seconds. Own
## project names (bench-*), subnets (10.231.x.0/24) and free host ports: it runs beside the demo.
BENCH_N ?= 59
BENCH_ROUNDS ?= 3
BENCH_LIMIT ?= 300
bench-compose: engine
	$(SWIFT) build -c release --product sutactl
	$(SWIFT) build -c release --product sutactl-bench
	BENCH_N="$(BENCH_N)" BENCH_ROUNDS=$(BENCH_ROUNDS) BENCH_LIMIT=$(BENCH_LIMIT) .build/release/sutactl-bench --compose

## sutactl (engine mode swarm) against `docker stack deploy` on the same topology in swarm form,
## on a 3-node lab of the benchmark's own (root; /tmp/sutactl-bench-swarm, namespaces bsw*: never
## the lab of `make swarm-lab`), started fresh and removed at the end; BENCH_N, BENCH_ROUNDS and
## BENCH_LIMIT as above. The trap removes the lab too when the benchmark is killed.
BENCH_SWARM_LAB := SWARM_LAB_DIR=/tmp/sutactl-bench-swarm SWARM_LAB_NAME=bsw
bench-swarm: engine
	$(SWIFT) build -c release --product sutactl
	$(SWIFT) build -c release --product sutactl-bench
	trap '$(BENCH_SWARM_LAB) scripts/swarm-lab.sh down >/dev/null 2>&1' EXIT INT TERM; \
	  BENCH_N="$(BENCH_N)" BENCH_ROUNDS=$(BENCH_ROUNDS) BENCH_LIMIT=$(BENCH_LIMIT) .build/release/sutactl-bench --swarm

## Runs the libFuzzer target over load+validate for $(SECONDS) seconds in each of $(JOBS)
## parallel jobs (`make fuzz SECONDS=300 JOBS=2`: ten CPU-minutes on two cores).
fuzz: deps
	JOBS=$(JOBS) scripts/fuzz.sh $(SECONDS)

clean:
	rm -rf .build .build-fuzz
