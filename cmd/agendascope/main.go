// Command agendascope reads Chinese local-government meeting reports, turns
// each into a structured record and serves an offline dashboard of what the
// meetings put on their agenda.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// exitError carries a process exit status.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}
func (e exitError) Unwrap() error { return e.err }

// usageError marks bad command-line use: exit status 2.
func usageError(format string, args ...any) error {
	return exitError{code: 2, err: fmt.Errorf(format, args...)}
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands []command

func init() {
	commands = []command{
		{"serve", "[--db FILE] [--addr 127.0.0.1:8080] [--topics FILE]", "serve the dashboard (the bundled sample when --db is not given)", runServe},
		{"ingest", "--db FILE [--topics FILE] [--workers N] [--max-bytes N] PATH...", "read .txt, .html and .jsonl reports (files or folders) into a database", runIngest},
		{"extract", "[--topics FILE] PATH...", "print one JSON record per report, without a database", runExtract},
		{"retag", "--db FILE [--topics FILE]", "re-count topics in a database after the taxonomy changed", runRetag},
		{"stats", "--db FILE", "print corpus statistics as JSON", runStats},
		{"bench", "[--reports N] [--dir DIR] [--keep] [PATH...]", "time ingest, queries and a load run on a synthetic corpus (or PATH) against bare gse Cut", runBench},
		{"export", "--db FILE --out DIR", "write the database as Hive-partitioned Parquet (province_code, year)", runExport},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: agendascope COMMAND [FLAGS] [ARGS]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n           %s\n", c.name, c.args, c.help)
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err == nil {
		return
	}
	code := 1
	var ee exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if ee.err != nil || !errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, "agendascope:", err)
	}
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return exitError{code: 2}
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	usage(stderr)
	return usageError("unknown command %q", args[0])
}

// newFlags returns a flag set that reports usage errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags; flags may follow positional arguments too
// (agendascope ingest dir --db x.duckdb).
func parse(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitError{code: 0}
			}
			return exitError{code: 2, err: err}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, positional...))
}
