# Entry points: `make run`, `make test`, `make build` (see README.md).
MAKEFLAGS += --no-print-directory
BUILD ?= build
JOBS ?= $(shell nproc)
DATA ?=
DB ?= $(BUILD)/run.db
PORT ?= 8080
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test run bench clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

run: build
	@bash scripts/run.sh "$(BUILD)" "$(DB)" "$(DATA)" "$(PORT)"

bench: build
	@bash bench/run_all.sh "$(BUILD)"

clean:
	rm -rf $(BUILD)
