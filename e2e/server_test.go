package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"agendascope/analytics"
	"agendascope/analytics/textnorm"
	"agendascope/analytics/topics"
	"agendascope/data"
	"agendascope/handlers"
	"agendascope/ingest"
	"agendascope/queries"
)

// sampleServer is the dashboard over the bundled sample, as
// `agendascope serve` builds it with no --db.
type sampleServer struct {
	*httptest.Server
	DB      *queries.DB
	Reports int
}

var (
	serverOnce sync.Once
	theServer  *sampleServer
	serverErr  error
)

// server returns the shared server, starting it on first use.
func server(t *testing.T) *sampleServer {
	t.Helper()
	serverOnce.Do(func() {
		start := time.Now()
		theServer, serverErr = startServer(context.Background())
		if serverErr == nil {
			fmt.Printf("e2e: sample server with %d reports ready in %s\n", theServer.Reports, time.Since(start).Round(time.Millisecond))
		}
	})
	if serverErr != nil {
		t.Fatalf("start the sample server: %v", serverErr)
	}
	return theServer
}

func startServer(ctx context.Context) (*sampleServer, error) {
	tax, err := topics.Default()
	if err != nil {
		return nil, fmt.Errorf("load taxonomy: %w", err)
	}
	tg, err := topics.NewTagger(tax)
	if err != nil {
		return nil, fmt.Errorf("load segmenter: %w", err)
	}
	// The terms page reads the word counts that only a collecting tagger
	// stores, as `serve` does for the sample.
	tg.CollectTerms = true
	x := analytics.New(tg)

	db, err := queries.Open(ctx, "", false)
	if err != nil {
		return nil, fmt.Errorf("open in-memory database: %w", err)
	}
	sample, err := fs.Sub(data.Sample, "sample")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("bundled sample: %w", err)
	}
	var failures bytes.Buffer
	sum, err := ingest.RunFS(ctx, db, x, sample, ingest.Options{Errors: &failures})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("ingest bundled sample: %w", err)
	}
	if sum.Failed > 0 || sum.Added == 0 {
		db.Close()
		return nil, fmt.Errorf("ingest bundled sample: %s\n%s", sum, failures.String())
	}
	e, err := handlers.New(handlers.Deps{DB: db, Taxonomy: tax, Simplify: textnorm.Simplify, AccessLog: io.Discard})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("build handlers: %w", err)
	}
	return &sampleServer{Server: httptest.NewServer(e), DB: db, Reports: sum.Added}, nil
}

func stopServer() {
	if theServer != nil {
		theServer.Close()
		theServer.DB.Close()
	}
}

// get fetches path from the server with plain HTTP and fails the test on
// anything but 200.
func (s *sampleServer) get(t *testing.T, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := s.Client().Get(s.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d: %.300s", path, resp.StatusCode, body)
	}
	return resp, body
}

// api decodes a JSON answer of the server's /api routes into v.
func (s *sampleServer) api(t *testing.T, path string, v any) {
	t.Helper()
	_, body := s.get(t, path)
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: decode JSON: %v", path, err)
	}
}

// apiRow is the part of a trends, compare or heatmap row that the drill
// tests check pages against.
type apiRow struct {
	Period  string `json:"period"`
	Topic   string `json:"topic"`
	Code    string `json:"code"`
	Name    string `json:"name"`
	Reports int64  `json:"reports"`
}

type apiMeeting struct {
	ID string `json:"id"`
}
