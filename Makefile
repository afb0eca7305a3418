# make run    : build the warehouse from RAW_DIR into WAREHOUSE_PATH (defaults raw/, warehouse/warehouse.duckdb);
#              FULL=1 rebuilds every dbt model and runs every test (the weekly build)
# make test   : the whole test suite (what CI runs); make test-fast: the pure-Python tests only
# make lint   : ruff (check and format) and sqlfluff over the dbt project
# make dev    : the Dagster UI with the asset graph, the nightly schedule and the sensors
# make status : the last run's summary; make docs / make report: dbt docs, an HTML overview
# make superset: Apache Superset with the starter dashboard over the serving file; make test-bi: its test
# make cluster-up / run-cluster / cluster-down: PostgreSQL, Redis and Celery workers here, the extraction
#   on the workers and the warehouse published to DuckLake (docs/scaling.md)
#
# RAW_DIR and WAREHOUSE_PATH are read from make arguments or the environment; relative paths
# are taken from the repository root. Runs are recorded in DAGSTER_HOME (default .dagster_home/).

SHELL := /bin/bash
.DEFAULT_GOAL := run

RAW_DIR ?= raw
WAREHOUSE_PATH ?= warehouse/warehouse.duckdb
DAGSTER_HOME ?= .dagster_home
override RAW_DIR := $(abspath $(RAW_DIR))
override WAREHOUSE_PATH := $(abspath $(WAREHOUSE_PATH))
override DAGSTER_HOME := $(abspath $(DAGSTER_HOME))
export RAW_DIR WAREHOUSE_PATH DAGSTER_HOME

# uv from PATH, else the one `make setup` installs with pip (python3 -m uv).
UV = $(shell command -v uv >/dev/null 2>&1 && echo uv || echo python3 -m uv)
SHARED := $(abspath ../shared)

.PHONY: setup prepare run status test test-fast dev validate lint score quality-report events-report bench docs \
	report clean bi-setup superset test-bi test-cluster cluster-up cluster-down run-cluster bench-cluster

# --compile-bytecode: every package's .pyc written once here. Where PYTHONDONTWRITEBYTECODE is
# set (as on these machines) Python never caches bytecode itself, and each process compiled
# what it imported: 8 s of every extraction worker's start (sklearn, under pyvi) and 4 s of
# every Dagster process's.
setup:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install uv
	$(UV) sync --frozen --compile-bytecode

# The instance settings (one warehouse build at a time) are committed in .dagster_home/dagster.yaml;
# a DAGSTER_HOME elsewhere that has none gets a copy.
$(DAGSTER_HOME)/dagster.yaml:
	mkdir -p $(DAGSTER_HOME)
	cp .dagster_home/dagster.yaml $@

# dbt/target/manifest.json, which the Dagster definitions need before they load, written by
# dagster-dbt's project preparer (dagster_project/project.py says why not prepare-and-package).
prepare: setup $(DAGSTER_HOME)/dagster.yaml
	$(UV) run python -m dagster_project.project

# No `prepare` first: the command parses the dbt project itself when the manifest is older than a
# dbt file (`make prepare` parses always, about 10 s). FULL=1: every model rebuilt from scratch and
# every test run, as the weekly schedule does; otherwise a nightly build (README: Speed).
FULL ?=
run: setup $(DAGSTER_HOME)/dagster.yaml
	$(UV) run python -m dagster_project run $(if $(filter-out 0,$(FULL)),--full)
	@echo "warehouse: $(WAREHOUSE_PATH)"

status: setup
	$(UV) run python -m dagster_project status

# Built on first use by `make docs` and `make report`.
$(WAREHOUSE_PATH):
	$(MAKE) run

# Two pytest workers (pytest-xdist), whole files each so a module's fixtures are built once:
# a test mostly waits on a dbt or run subprocess, and the second core takes the next file.
TEST_WORKERS ?= 2
test: setup $(DAGSTER_HOME)/dagster.yaml
	$(UV) run pytest -m "not bi and not cluster" -n $(TEST_WORKERS) --dist loadfile

# The cluster mode against real servers (marker `cluster`, about 5 minutes): PostgreSQL, Redis and
# Celery workers of its own; skipped with the reason where the servers cannot start. .ci/run runs it.
test-cluster: setup $(DAGSTER_HOME)/dagster.yaml
	$(UV) run pytest -m cluster tests/test_cluster.py

# The inner loop: every test that neither builds a warehouse nor runs dbt (marker `warehouse`).
test-fast: setup
	$(UV) run pytest -m "not warehouse and not bi" -q -n $(TEST_WORKERS) --dist loadfile

dev: prepare
	$(UV) run dagster dev

validate: prepare
	$(UV) run dagster definitions validate -m dagster_project.definitions

lint: setup
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run sqlfluff lint dbt/models dbt/tests dbt/macros

score: setup
	@if [ -f "$(SHARED)/eval/score.py" ]; then \
		$(UV) run python "$(SHARED)/eval/score.py" --warehouse "$(WAREHOUSE_PATH)" --gold "$(SHARED)/eval/gold"; \
	else \
		echo "no $(SHARED)/eval/score.py: nothing to score against"; \
	fi

# What the extractor finds in any folder, with random samples to judge by hand: people with their
# posts and, given a warehouse built from the same folder (JOINS_FROM=...), meetings joined
# across articles.
#   make quality-report [FOLDER=...] [REPORT=...] [SEED=7] [JOINS_FROM=warehouse.duckdb]
FOLDER ?= $(SHARED)/corpus/vietnews_politics/articles
REPORT ?= warehouse/quality_report.md
SEED ?= 7
JOINS_FROM ?=
quality-report: setup
	$(UV) run python -m vnpolitics.report.extraction_quality "$(FOLDER)" --out "$(REPORT)" --seed $(SEED) \
		$(if $(JOINS_FROM),--warehouse "$(JOINS_FROM)") > /dev/null
	@echo "report: $(REPORT)"

# Its sibling for personnel events: counts by kind and a random sample of events to judge.
#   make events-report [FOLDER=...] [EVENTS_REPORT=...] [SEED=7]
EVENTS_REPORT ?= warehouse/personnel_events_report.md
events-report: setup
	$(UV) run python -m vnpolitics.report.personnel_events_quality "$(FOLDER)" --out "$(EVENTS_REPORT)" \
		--seed $(SEED) > /dev/null
	@echo "report: $(EVENTS_REPORT)"

# Full build against pyvi and the extractor alone, then 20 new articles, then nothing new, at each
# size (see bench/run_bench.py); issue 18's ratios with pass / fail when the sizes allow them:
#   make bench [ARTICLES=1000] [CORPUS=folder] [BENCH_OUT=warehouse/bench-<sizes>.json]
#   make bench ARTICLES=5,1000,6771,both     # the floor, 1,000, the corpus, both corpus folders (~1 h)
CORPUS ?= $(SHARED)/corpus/vietnews_politics/articles
ARTICLES ?= 1000
BENCH_OUT ?= warehouse/bench-$(subst $(comma),-,$(ARTICLES)).json
comma := ,
bench: prepare
	$(UV) run python bench/run_bench.py --corpus "$(CORPUS)" --articles "$(ARTICLES)" --out "$(BENCH_OUT)"

# dbt docs with the lineage graph, as one self-contained page. The catalog (column types) is read
# from a copy of the warehouse, so the published file is never opened for writing.
DOCS_DIR := $(abspath dbt/target/docs)
docs: setup $(WAREHOUSE_PATH)
	@tmp=$$(mktemp -d) && cp "$(WAREHOUSE_PATH)" "$$tmp/warehouse.duckdb" && \
		cd dbt && WAREHOUSE_PATH="$$tmp/warehouse.duckdb" $(UV) run dbt docs generate --static --quiet \
			--target-path "$(DOCS_DIR)"; status=$$?; rm -rf "$$tmp"; exit $$status
	@echo "docs: open $(DOCS_DIR)/static_index.html in a browser (or serve them: cd dbt && $(UV) run dbt docs serve --target-path $(DOCS_DIR))"

# One self-contained HTML page of meetings, people, bodies and who meets whom.
REPORT_HTML ?= $(dir $(WAREHOUSE_PATH))report.html
report: setup $(WAREHOUSE_PATH)
	$(UV) run python -m vnpolitics.report --warehouse "$(WAREHOUSE_PATH)" --out "$(REPORT_HTML)"

# Apache Superset over the serving file (warehouse/marts.duckdb: the marts alone), in its own locked
# environment bi/.venv (bi/pyproject.toml says why not a dependency group), its data under
# SUPERSET_HOME (git-ignored). Starts on 127.0.0.1 (a free port unless SUPERSET_PORT is set), makes
# the admin user, registers the warehouse read-only and imports bi/dashboard/; Ctrl-C stops it.
SUPERSET_HOME ?= warehouse/superset
SUPERSET_PORT ?= 0
override SUPERSET_HOME := $(abspath $(SUPERSET_HOME))
MARTS_PATH := $(dir $(WAREHOUSE_PATH))marts.duckdb
bi-setup:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install uv
	cd bi && $(UV) sync --frozen --compile-bytecode

# Written by every run that publishes; made here from the published warehouse when missing or older.
$(MARTS_PATH): $(WAREHOUSE_PATH)
	$(UV) run python -m vnpolitics.warehouse.serving "$(WAREHOUSE_PATH)"

superset: setup bi-setup $(MARTS_PATH)
	bi/.venv/bin/python bi/superset_up.py --warehouse "$(MARTS_PATH)" --home "$(SUPERSET_HOME)" --port $(SUPERSET_PORT)

# Superset used as an analyst uses it (tests/test_superset.py): a few minutes, so not in make test.
# The screenshot it takes is left in warehouse/superset_dashboard.png.
test-bi: setup bi-setup $(DAGSTER_HOME)/dagster.yaml
	$(UV) run pytest -m bi -q tests/test_superset.py

# The cluster mode on this machine (docs/scaling.md): PostgreSQL (Dagster's instance, the DuckLake
# catalog) and Redis (Celery's broker) from Debian packages, on free ports, their data under .cluster/
# (git-ignored), and CLUSTER_WORKERS Celery workers. Its settings are in .cluster/cluster.env.
CLUSTER_WORKERS ?= 2
cluster-up: setup
	$(UV) run python -m vnpolitics.cluster.servers up
	$(UV) run python -m dagster_project.cluster start-workers --count $(CLUSTER_WORKERS)

cluster-down:
	-$(UV) run python -m dagster_project.cluster stop-workers
	$(UV) run python -m vnpolitics.cluster.servers down

# The extraction backfill on the workers, then the build, published to the lake as one snapshot.
# DAGSTER_HOME and the lake come from .cluster/cluster.env. The build's own DuckDB file (and the
# extraction cache beside it, which the workers share) is CLUSTER_WAREHOUSE, not `make run`'s file.
CLUSTER_WAREHOUSE ?= .cluster/build/warehouse.duckdb
override CLUSTER_WAREHOUSE := $(abspath $(CLUSTER_WAREHOUSE))
run-cluster: prepare
	@test -f .cluster/cluster.env || { echo "no cluster: run make cluster-up first" >&2; exit 2; }
	set -a && source .cluster/cluster.env && set +a && \
		WAREHOUSE_PATH="$(CLUSTER_WAREHOUSE)" $(UV) run python -m dagster_project.cluster run
	@echo "published to the lake (read it: source .cluster/cluster.env; uv run python -m vnpolitics.warehouse.lake sql ...)"

# Extraction throughput of 1 and then 2 Celery workers on the same articles (bench/cluster_bench.py).
#   make bench-cluster [CORPUS=folder] [ARTICLES=2000] [CLUSTER_BENCH_OUT=warehouse/bench-cluster.json]
CLUSTER_BENCH_OUT ?= warehouse/bench-cluster-$(ARTICLES).json
bench-cluster: prepare
	@test -f .cluster/cluster.env || { echo "no cluster: run make cluster-up first" >&2; exit 2; }
	$(UV) run python bench/cluster_bench.py --corpus "$(CORPUS)" --articles "$(ARTICLES)" --out "$(CLUSTER_BENCH_OUT)"

clean:
	rm -rf dbt/target dbt/logs logs .pytest_cache .ruff_cache
