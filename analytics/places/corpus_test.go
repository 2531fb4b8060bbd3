package places

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type goldReport struct{ file, code, name string }

func readGold(t testing.TB) []goldReport {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus", "gold.tsv"))
	if err != nil {
		t.Fatalf("reading gold labels: %v", err)
	}
	var out []goldReport
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("gold line %q: want 3 fields", line)
		}
		out = append(out, goldReport{f[0], f[1], f[2]})
	}
	return out
}

func readReport(t testing.TB, file string) Clues {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus", file))
	if err != nil {
		t.Fatalf("reading report: %v", err)
	}
	return cluesFromReport(t, string(raw))
}

// TestResolveCorpus runs Resolve over the 27 labelled real reports (seeds and
// examples). A declined report is tolerated up to maxDeclined; a wrong
// district is not.
func TestResolveCorpus(t *testing.T) {
	const maxDeclined = 2
	gold := readGold(t)
	right, declined := 0, 0
	for _, g := range gold {
		c := readReport(t, g.file)
		res, ok := Resolve(c)
		switch {
		case !ok:
			declined++
			t.Logf("%s: declined (gold %s %s)", g.file, g.code, g.name)
		case res.Place.Code != g.code:
			t.Errorf("%s: got %s %s (%s %q, %.2f), gold %s %s",
				g.file, res.Place.Code, res.Place.Name, res.Rule, res.Evidence, res.Score, g.code, g.name)
		default:
			right++
			t.Logf("%s: %s %s via %s %q (%.2f)", g.file, res.Place.Code, res.Place.Name, res.Rule, res.Evidence, res.Score)
		}
	}
	t.Logf("corpus: %d/%d right, %d declined, %d wrong", right, len(gold), declined, len(gold)-right-declined)
	if declined > maxDeclined {
		t.Errorf("%d reports declined, want at most %d", declined, maxDeclined)
	}
}

// TestResolveCorpusDegraded strips clues from the corpus reports — the URL,
// then everything but the body, then the furniture split — and requires
// that Resolve never answers wrongly: with less evidence it may only decline.
func TestResolveCorpusDegraded(t *testing.T) {
	variants := []struct {
		name    string
		degrade func(t *testing.T, file string, c Clues) Clues
	}{
		{"no URL", func(_ *testing.T, _ string, c Clues) Clues { c.URL = ""; return c }},
		{"body only", func(_ *testing.T, _ string, c Clues) Clues { return Clues{Body: c.Body} }},
		{"raw text with URL", func(t *testing.T, file string, c Clues) Clues {
			return Clues{Body: rawSimplified(t, file), URL: c.URL}
		}},
		{"raw text", func(t *testing.T, file string, _ Clues) Clues { return Clues{Body: rawSimplified(t, file)} }},
	}
	gold := readGold(t)
	for _, v := range variants {
		right, declined := 0, 0
		for _, g := range gold {
			c := v.degrade(t, g.file, readReport(t, g.file))
			res, ok := Resolve(c)
			switch {
			case !ok:
				declined++
			case res.Place.Code != g.code:
				t.Errorf("%s, %s: got %s %s (%s %q), gold %s %s",
					v.name, g.file, res.Place.Code, res.Place.Name, res.Rule, res.Evidence, g.code, g.name)
			default:
				right++
			}
		}
		t.Logf("%s: %d right, %d declined", v.name, right, declined)
	}
}

// rawSimplified is a report file as one undivided simplified text, without
// its "# source:" line.
func rawSimplified(t *testing.T, file string) string {
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus", file))
	if err != nil {
		t.Fatalf("reading report: %v", err)
	}
	text := toSimplified(t, pinyinArtefact.ReplaceAllString(string(raw), "$1"))
	if strings.HasPrefix(text, "# source:") {
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			text = text[i+1:]
		}
	}
	return text
}
