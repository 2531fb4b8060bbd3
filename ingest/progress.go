package ingest

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line bar on a terminal, at most ten times a second.
type progress struct {
	w     io.Writer
	total int64
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, total: total, start: time.Now()}
}

func (p *progress) update(s Summary) {
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.draw(s)
}

func (p *progress) draw(s Summary) {
	frac := 1.0
	if p.total > 0 {
		frac = min(float64(s.Bytes)/float64(p.total), 1)
	}
	const width = 30
	filled := int(frac * width)
	rate := float64(s.Bytes) / 1e6 / max(time.Since(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d reports, %d dup, %d failed, %.1f MB/s ",
		strings.Repeat("=", filled), strings.Repeat(" ", width-filled), frac*100, s.Added, s.Duplicates, s.Failed, rate)
}

func (p *progress) done(s Summary) {
	if p.w == nil {
		return
	}
	p.draw(s)
	fmt.Fprintln(p.w)
}
