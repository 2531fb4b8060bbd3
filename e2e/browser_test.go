package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Viewport of every tab: a common laptop screen, so screenshots show what an
// analyst sees.
const (
	viewportWidth  = 1366
	viewportHeight = 900
)

// actionTimeout bounds one navigation, click or wait. A healthy page on the
// sample answers in well under a second; the margin is for a 2-core machine
// that runs the other packages' tests at the same time.
const actionTimeout = 45 * time.Second

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserStop   []context.CancelFunc
	browserDir    string
	browserErr    error
	browserMissed string // why there is no browser to use; "" when there is
)

// chromiumPath finds the browser: AGENDASCOPE_CHROMIUM, else the usual names
// on PATH.
func chromiumPath() (string, error) {
	if p := os.Getenv("AGENDASCOPE_CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium, chromium-browser, google-chrome or headless-shell on PATH (set AGENDASCOPE_CHROMIUM to its path)")
}

// inCI reports whether CI is set, as CI services set it (CI=true).
func inCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// browser returns the context of the shared browser, starting it on first
// use, or ends the test: a skip when there is no Chromium on a laptop, a
// failure in CI or when Chromium is there but does not start.
func browser(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		path, err := chromiumPath()
		if err != nil {
			browserMissed = err.Error()
			return
		}
		start := time.Now()
		browserCtx, browserErr = startBrowser(path)
		if browserErr == nil {
			fmt.Printf("e2e: %s started in %s\n", path, time.Since(start).Round(time.Millisecond))
		}
	})
	if browserMissed != "" {
		if inCI() {
			t.Fatalf("CI is set but the browser tests cannot run: %s; .ci/run installs chromium", browserMissed)
		}
		t.Skipf("skipping browser test: %s", browserMissed)
	}
	if browserErr != nil {
		t.Fatalf("start Chromium: %v", browserErr)
	}
	return browserCtx
}

func startBrowser(path string) (context.Context, error) {
	dir, err := os.MkdirTemp("", "agendascope-e2e-chromium-")
	if err != nil {
		return nil, fmt.Errorf("make a profile directory: %w", err)
	}
	browserDir = dir
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // root in containers
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// Nothing but the page may touch the network: a request that the
		// browser makes on its own would not show in a tab, but it would
		// break the offline promise on an analyst's machine all the same.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(viewportWidth, viewportHeight),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browserStop = []context.CancelFunc{cancelCtx, cancelAlloc}
	// The first Do starts the browser and ties it to ctx, which has no
	// deadline: a timeout here would end the browser with it. Bound the start
	// from outside instead.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			return nil, err
		}
	case <-time.After(60 * time.Second):
		return nil, errors.New("no answer from the browser within 60s")
	}
	return ctx, nil
}

func stopBrowser() error {
	for _, stop := range browserStop {
		stop() // the allocator's cancel waits for the process to exit
	}
	if browserDir != "" {
		return os.RemoveAll(browserDir)
	}
	return nil
}

// tab is one browser tab with a record of everything that went wrong in it:
// console errors and warnings, uncaught exceptions, failed or refused
// requests, and every request to a host other than the test server.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base *url.URL

	mu       sync.Mutex
	problems []string
	requests []string // every URL requested, for the report of a failure
}

// newTab opens a tab on the shared browser; the test fails at its end if the
// tab saw a problem that no check collected.
func newTab(t *testing.T) *tab {
	t.Helper()
	parent := browser(t)
	srv := server(t)
	base, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(parent)
	tb := &tab{t: t, ctx: ctx, base: base}
	// Listen runs in the tab's read loop, in the order Chrome sends events,
	// so a check made after an action sees everything the action caused.
	if err := chromedp.Listen(ctx, tb.record); err != nil {
		cancel()
		t.Fatalf("open a tab: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewportWidth, viewportHeight)); err != nil {
		cancel()
		t.Fatalf("set the viewport: %v", err)
	}
	t.Cleanup(func() {
		tb.checkClean("at the end of the test")
		cancel()
	})
	return tb
}

func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		tb.requests = append(tb.requests, u)
		if !tb.local(u) {
			tb.problems = append(tb.problems, fmt.Sprintf("request to another host: %s (initiated by %s)", u, ev.Initiator.Type))
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			tb.problems = append(tb.problems, fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL))
		}
	case *network.EventLoadingFailed:
		// A navigation cancels what the old page still loads; that is not
		// a failure of the page.
		if !ev.Canceled {
			tb.problems = append(tb.problems, fmt.Sprintf("request %s failed: %s %s", ev.RequestID, ev.ErrorText, ev.BlockedReason))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning ||
			ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	case *log.EventEntryAdded:
		// The browser's own log: CSP refusals, failed loads, deprecations.
		if e := ev.Entry; e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning {
			tb.problems = append(tb.problems, fmt.Sprintf("browser log %s (%s): %s %s", e.Level, e.Source, e.Text, e.URL))
		}
	}
}

// local reports whether u stays on the test server. data: and blob: URLs
// are the page's own bytes; about:blank is a fresh tab.
func (tb *tab) local(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob":
		return true
	case "about":
		return u.Opaque == "blank"
	}
	return u.Host == tb.base.Host
}

// use makes t, a subtest, the test that the tab's checks fail; the returned
// func gives the tab back to its test, for the checks at its end.
func (tb *tab) use(t *testing.T) (restore func()) {
	prev := tb.t
	tb.t = t
	return func() { tb.t = prev }
}

// checkClean fails the test for each problem seen since the last check.
func (tb *tab) checkClean(when string) {
	tb.t.Helper()
	tb.mu.Lock()
	problems := tb.problems
	tb.problems = nil
	tb.mu.Unlock()
	for _, p := range problems {
		tb.t.Errorf("%s: %s", when, p)
	}
}

// run runs actions with a deadline; the tab itself has none (its first
// action tied it to the test's lifetime).
func (tb *tab) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open navigates to path on the test server, checks the status, and waits
// until every chart on the page has its canvas.
func (tb *tab) open(path string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(tb.base.String()+path))
	if err != nil {
		tb.t.Fatalf("open %s: %v", path, err)
	}
	if resp.Status != 200 {
		tb.t.Fatalf("open %s: status %d", path, resp.Status)
	}
	tb.waitCharts(path)
}

// waitCharts waits until the document is loaded and each div.chart holds a
// canvas: app.js draws charts once the deferred scripts have run. It polls
// from Go, not with an in-page Poll, so that a navigation still in flight
// (its old document's context destroyed mid-wait) only means "not yet".
func (tb *tab) waitCharts(what string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	const ready = `document.readyState === "complete" &&
		[...document.querySelectorAll("div.chart")].every(el => el.querySelector("canvas"))`
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready))
		if err == nil && ok {
			return
		}
		if err != nil {
			last = err
		}
		select {
		case <-ctx.Done():
			tb.t.Fatalf("%s: charts not drawn within %s (last error: %v)", what, actionTimeout, last)
		case <-time.After(25 * time.Millisecond):
		}
	}
}

// eval runs a JavaScript function with JSON arguments and decodes its result.
func eval[T any](tb *tab, fn string, args ...any) T {
	tb.t.Helper()
	if args == nil {
		args = []any{} // spread of null throws
	}
	js, err := json.Marshal(args)
	if err != nil {
		tb.t.Fatal(err)
	}
	expr := fmt.Sprintf("(%s)(...%s)", fn, js)
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("evaluate in page: %v", err)
	}
	return v
}

// location is the tab's current URL, relative to the server.
func (tb *tab) location() *url.URL {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		tb.t.Fatalf("read location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		tb.t.Fatalf("parse location %q: %v", loc, err)
	}
	return u
}

// screenshot saves the whole page as screenshots/<name>.png at the repo
// root, for a person to look at.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	// FullScreenshot with speed-optimised PNG encoding: the default
	// compression took most of each page's time on a 2-core machine.
	png, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			FromSurface:           new(true),
			CaptureBeyondViewport: new(true),
			OptimizeForSpeed:      new(true),
		})
		return r.Data, err
	})
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
}
