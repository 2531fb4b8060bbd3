package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"agendascope/queries"
)

// The test binary doubles as the agendascope binary, so tests can run real
// child processes and kill them.
func TestMain(m *testing.M) {
	if os.Getenv("AGENDASCOPE_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "AGENDASCOPE_AS_MAIN=1")
	return cmd
}

// writeCorpus writes n distinct short reports as JSONL.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"r%d","text":"%d月%d日,区长张三主持召开区政府第%d次常务会议,研究安全生产和数字化转型工作。会议强调,要压实安全生产责任。编号%d。","published":"2023-%02d-28","district_code":"320206"}`+"\n",
			i, i%12+1, i%27+1, i, i, i%12+1)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func reportCount(t *testing.T, dbPath string) int {
	t.Helper()
	db, err := queries.Open(context.Background(), dbPath, true)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer db.Close()
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM reports`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	var orphans int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM topic_mentions WHERE report_id NOT IN (SELECT id FROM reports)`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Errorf("%d topic rows without their report: a batch was half-written", orphans)
	}
	return n
}

// TestIngestSurvivesKill kills an ingest mid-run (SIGKILL, no cleanup),
// reopens the database and resumes.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	const total, batch = 1200, 100
	writeCorpus(t, corpus, total)
	dbPath := filepath.Join(dir, "crash.duckdb")

	cmd := child("ingest", "--db", dbPath, "--batch", fmt.Sprint(batch), "--workers", "1", "--verbose", "--quiet", corpus)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	commits := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "committed batch") {
			commits++
			if commits == 3 {
				cmd.Process.Kill()
				break
			}
		}
	}
	cmd.Wait()
	if commits < 3 {
		t.Fatalf("child ended after %d commits, before it could be killed", commits)
	}
	got := reportCount(t, dbPath)
	if got < 3*batch || got%batch != 0 || got >= total {
		t.Errorf("after the kill the database holds %d reports; want whole batches of %d, at least 3, fewer than all", got, batch)
	}

	out, err := child("ingest", "--db", dbPath, "--quiet", corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte(fmt.Sprintf("%d duplicates skipped", got))) {
		t.Errorf("resume did not skip the %d stored reports:\n%s", got, out)
	}
	if n := reportCount(t, dbPath); n != total {
		t.Errorf("after resuming: %d reports, want %d", n, total)
	}
}

// TestSecondIngestIsRefused holds the database open as an ingest would and
// checks a second ingest gets a clear message and touches nothing.
func TestSecondIngestIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "busy.duckdb")
	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 3)
	db, err := queries.Open(context.Background(), dbPath, false)
	if err != nil {
		t.Fatal(err)
	}
	out, err := child("ingest", "--db", dbPath, "--quiet", corpus).CombinedOutput()
	db.Close()
	if err == nil {
		t.Fatalf("second ingest succeeded while the database was held:\n%s", out)
	}
	if !bytes.Contains(out, []byte("in use by another")) {
		t.Errorf("second ingest's message does not say the database is in use:\n%s", out)
	}
	if n := reportCount(t, dbPath); n != 0 {
		t.Errorf("refused ingest wrote %d reports", n)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{"ingest"},                 // no --db
		{"ingest", "--db", "x.db"}, // no path
		{"extract"},                // no path
		{"frobnicate"},             // unknown command
		{"stats"},                  // no --db
		{"serve", "--nosuchflag"},  // unknown flag
	}
	for _, args := range cases {
		cmd := child(args...)
		err := cmd.Run()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 {
			t.Errorf("agendascope %v: %v, want exit status 2", args, err)
		}
	}
}
