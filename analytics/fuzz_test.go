package analytics

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"agendascope/analytics/textnorm"
)

// FuzzExtract runs whole extraction on arbitrary bytes: it must never panic,
// every string it returns must be valid UTF-8, agenda-item spans must lie
// inside the text, and a failure must be one of the named input errors.
func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("testdata/seeds/*.txt")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 2048)], false)
		}
	}
	f.Add([]byte("<html><body><h1>区政府召开常务会议</h1><p>4月16日,区长方力主持召开会议,研究安全生产。</p></body></html>"), true)
	f.Add([]byte{0xff, 0xfe, 0x3a, 0x53}, false)
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, raw []byte, html bool) {
		r, err := x.Extract(Input{Source: "fuzz", Raw: raw, HTML: html})
		if err != nil {
			if !errors.Is(err, textnorm.ErrEmpty) && !errors.Is(err, textnorm.ErrBinary) && !errors.Is(err, textnorm.ErrUndecodable) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		for name, s := range map[string]string{"text": r.Text, "title": r.Title, "district": r.District, "chair": r.Chair, "session": r.Session} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		for _, d := range r.DocumentsReviewed {
			if !utf8.ValidString(d) {
				t.Fatalf("document title is not valid UTF-8: %q", d)
			}
		}
		for _, it := range r.AgendaItems {
			if it.Start < 0 || it.End > len(r.Text) || it.Start > it.End || !utf8.ValidString(it.Text) {
				t.Fatalf("agenda item %d span [%d,%d) outside text of %d bytes", it.Index, it.Start, it.End, len(r.Text))
			}
		}
		for _, p := range r.Evidence {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("evidence is not valid UTF-8: %q", p.Text)
			}
		}
	})
}
