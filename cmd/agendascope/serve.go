package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"time"

	"agendascope/analytics/textnorm"
	"agendascope/analytics/topics"
	"agendascope/data"
	"agendascope/handlers"
	"agendascope/ingest"
	"agendascope/queries"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	dbPath := fs.String("db", "", "DuckDB database file, opened read-only (default: the bundled sample, in memory)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	topicsFile := fs.String("topics", "", "topic taxonomy YAML (default: the bundled one)")
	timeout := fs.Duration("timeout", handlers.DefaultTimeout, "limit for one request")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve: unexpected argument %q", fs.Arg(0))
	}
	db, tax, err := openForServe(ctx, *dbPath, *topicsFile, stderr)
	if err != nil {
		return err
	}
	defer db.Close()
	db.HoldText()

	e, err := handlers.New(handlers.Deps{DB: db, Taxonomy: tax, Simplify: textnorm.Simplify, AccessLog: stderr, Timeout: *timeout})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", *addr, err)
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: *timeout + 10*time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "agendascope: serving %s on http://%s/\n", describeDB(*dbPath), ln.Addr())
	go reportHeldText(ctx, db, stderr)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// SIGTERM or Ctrl-C: let requests in flight finish.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintln(stdout, "agendascope: stopped")
	return nil
}

func describeDB(path string) string {
	if path == "" {
		return "the bundled sample"
	}
	return path
}

// openForServe opens the database read-only, or builds the bundled sample in
// memory so that a new user sees charts at once.
func openForServe(ctx context.Context, path, topicsFile string, stderr io.Writer) (*queries.DB, *topics.Taxonomy, error) {
	if path != "" {
		db, err := queries.Open(ctx, path, true)
		if err != nil {
			return nil, nil, fmt.Errorf("serve: %w", err)
		}
		tax, err := topics.LoadFile(topicsFile)
		if err != nil {
			db.Close()
			return nil, nil, err
		}
		return db, tax, nil
	}
	x, err := newExtractor(topicsFile, true)
	if err != nil {
		return nil, nil, err
	}
	db, err := queries.Open(ctx, "", false)
	if err != nil {
		return nil, nil, fmt.Errorf("serve: %w", err)
	}
	sample, err := fs.Sub(data.Sample, "sample")
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("serve: bundled sample: %w", err)
	}
	sum, err := ingest.RunFS(ctx, db, x, sample, ingest.Options{Errors: stderr})
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("serve: load bundled sample: %w", err)
	}
	fmt.Fprintf(stderr, "agendascope: bundled sample: %s\n", sum)
	return db, x.Tagger().Taxonomy, nil
}

// reportHeldText says when the report text the database loads in the
// background is held, or why it is not: searches wait for it.
func reportHeldText(ctx context.Context, db *queries.DB, stderr io.Writer) {
	start := time.Now()
	limitServeMemory(ctx, db)
	if ctx.Err() != nil {
		return
	}
	switch held, err := db.TextHeld(); {
	case err != nil:
		fmt.Fprintf(stderr, "agendascope: report text not held in memory, searches read the database: %v\n", err)
	case held:
		fmt.Fprintf(stderr, "agendascope: report text held in memory after %s\n", time.Since(start).Round(time.Millisecond))
	}
}
