// Package e2e drives the dashboard in a real Chromium against the real
// server (echo handlers over DuckDB holding the bundled sample), the way an
// analyst uses it: open each page, look at the chart, click a bar or a point
// to reach the reports behind it, download the table.
//
// One server and one browser serve every test in the binary: loading the
// segmenter and starting Chromium are the slow parts, and a 2-core laptop
// must run the package in well under two minutes.
//
// Without Chromium the browser tests skip, so `go test ./...` passes on a
// laptop that has none; with CI set (CI=true), a missing Chromium fails
// them, because .ci/run installs it and a skip there would hide a regression.
// AGENDASCOPE_CHROMIUM names the browser binary when it is not on PATH.
package e2e

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	// The browser first: its tabs may still hold connections to the server.
	if err := stopBrowser(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: stop browser:", err)
	}
	stopServer()
	os.Exit(code)
}
