package textnorm

import (
	"errors"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks that no input panics and that every output string is
// valid UTF-8. Run with:
//
//	go test -run XXX -fuzz FuzzNormalize -fuzztime 20s -fuzzminimizetime 5s
//
// The seeds are the first KiB of each real input: whole pages make every
// newly interesting input take a minute to minimize.
func FuzzNormalize(f *testing.F) {
	for _, path := range goldenInputs(f) {
		raw, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw[:min(len(raw), 1024)], false)
	}
	for _, s := range []string{
		"", " ", "\x00", "區(qū", "(qū)", "新万博娱乐_", "_-|", "<html><title>", "<script>",
		"索引号\n", "发布时间:", "2022年2月30日", "二〇二二年十", "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff\x00",
		"上一条:", "▲", "# source:", "# source: http://a\n", "新万博体育:新万博体育:",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, raw []byte, html bool) {
		d, err := Normalize(raw, Options{Name: "fuzz", HTML: html})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrUndecodable) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		for name, s := range map[string]string{
			"Original": d.Original, "Text": d.Text, "Title": d.Title, "Body": d.Body,
			"Published": d.Meta.Published, "SourceName": d.Meta.SourceName, "URL": d.Meta.URL,
		} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		for _, s := range append(d.Furniture, d.SpamStrings...) {
			if !utf8.ValidString(s) {
				t.Fatalf("furniture/spam not valid UTF-8: %q", s)
			}
		}
		if d.Text == "" {
			t.Fatal("empty Text without ErrEmpty")
		}
	})
}
