package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"agendascope/analytics"
	"agendascope/analytics/topics"
	"agendascope/ingest"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", stderr)
	topicsFile := fs.String("topics", "", "topic taxonomy YAML (default: the bundled one)")
	maxBytes := fs.Int64("max-bytes", 20<<20, "skip inputs larger than this many bytes")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("extract: no PATH given")
	}
	x, err := newExtractor(*topicsFile, false)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	_, _, err = ingest.Stream(ctx, x, fs.Args(), ingest.Options{MaxBytes: *maxBytes}, func(o ingest.Outcome) error {
		if o.Failed != nil {
			failed++
			fmt.Fprintf(stderr, "error: %s\n", o.Failed.Reason)
			return nil
		}
		return enc.Encode(o.Record)
	})
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if failed > 0 {
		return exitError{code: 1, err: fmt.Errorf("extract: %d inputs failed", failed)}
	}
	return nil
}

// newExtractor loads the taxonomy and the segmenter. collectTerms makes it
// count content words for rising-term statistics, which ingest stores.
func newExtractor(topicsFile string, collectTerms bool) (*analytics.Extractor, error) {
	tax, err := topics.LoadFile(topicsFile)
	if err != nil {
		return nil, err
	}
	tg, err := topics.NewTagger(tax)
	if err != nil {
		return nil, err
	}
	tg.CollectTerms = collectTerms
	return analytics.New(tg), nil
}
