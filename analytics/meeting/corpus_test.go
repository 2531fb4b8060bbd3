package meeting

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

type corpusCase struct {
	File      string `json:"file"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Generated string `json:"generated"`
	Lang      string `json:"lang"`
	BodyStart string `json:"body_start"`
	BodyEnd   string `json:"body_end"`

	WantDate      string   `json:"want_date"`
	DateBasis     string   `json:"date_basis"`
	WantChair     string   `json:"want_chair"`
	WantKinds     []string `json:"want_kinds"`
	WantSession   *string  `json:"want_session"`
	WantDocuments int      `json:"want_documents"`

	page string // the whole page, without the # source: line
	url  string
}

// input builds the Input the extractor would get: the article body alone,
// or with whole set the page as scraped, furniture and all.
func (c corpusCase) input(t testing.TB, whole bool) Input {
	in := Input{Title: c.Title, Published: c.Published, Generated: c.Generated, URL: c.url, Lang: c.Lang}
	if whole {
		in.Body = c.page
		return in
	}
	body := c.page
	if c.BodyStart != "" {
		i := strings.Index(body, c.BodyStart)
		if i < 0 {
			t.Fatalf("%s: body_start %q not in page", c.File, c.BodyStart)
		}
		body = body[i:]
	}
	if c.BodyEnd != "" {
		i := strings.Index(body, c.BodyEnd)
		if i < 0 {
			t.Fatalf("%s: body_end %q not in page", c.File, c.BodyEnd)
		}
		body = body[:i]
	}
	in.Body = strings.TrimSpace(body)
	return in
}

func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus.json"))
	if err != nil {
		t.Fatalf("read corpus index: %v", err)
	}
	var idx struct {
		Cases []corpusCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &idx); err != nil {
		t.Fatalf("parse corpus index: %v", err)
	}
	for i := range idx.Cases {
		c := &idx.Cases[i]
		b, err := os.ReadFile(filepath.Join("testdata", "corpus", c.File))
		if err != nil {
			t.Fatalf("read %s: %v", c.File, err)
		}
		page := string(b)
		if strings.HasPrefix(page, "# source:") {
			nl := strings.IndexByte(page, '\n')
			c.url = strings.TrimSpace(strings.TrimPrefix(page[:nl], "# source:"))
			page = page[nl+1:]
		}
		c.page = page
	}
	return idx.Cases
}

// dateOK applies the scoring rule of the labels: an exact match, or for a
// month-only label the same month; "" is acceptable where the reader needed
// outside knowledge; where the label is blank only "" is right.
func dateOK(c corpusCase, got string) bool {
	switch {
	case c.WantDate == "":
		return got == ""
	case c.DateBasis == "knowledge" && got == "":
		return true
	case len(c.WantDate) == 7:
		return len(got) >= 7 && got[:7] == c.WantDate
	}
	return got == c.WantDate
}

// chairOK: English reports name the chair in pinyin, which is not mapped
// back to characters, so "" is accepted there.
func chairOK(c corpusCase, got string) bool {
	return got == c.WantChair || c.Lang == "en" && got == ""
}

func TestCorpusLabels(t *testing.T) {
	cases := loadCorpus(t)
	dates, chairs, exactDates, exactChairs := 0, 0, 0, 0
	for _, c := range cases {
		in := c.input(t, false)
		d := ResolveDate(in)
		if d.Value == c.WantDate {
			exactDates++
		}
		if dateOK(c, d.Value) {
			dates++
		} else {
			t.Errorf("%s: date %q (%s, %q), want %q", c.File, d.Value, d.Source, d.Evidence, c.WantDate)
		}
		ch := Chair(in)
		if ch.Name == c.WantChair {
			exactChairs++
		}
		if chairOK(c, ch.Name) {
			chairs++
		} else {
			t.Errorf("%s: chair %q (%q), want %q", c.File, ch.Name, ch.Evidence, c.WantChair)
		}
		kinds := Kinds(in)
		for _, k := range c.WantKinds {
			if !slices.Contains(kinds, k) {
				t.Errorf("%s: kinds %v lack %s", c.File, kinds, k)
			}
		}
		if len(kinds) == 0 || kinds[0] != c.WantKinds[0] {
			t.Errorf("%s: kinds %v, want %s first", c.File, kinds, c.WantKinds[0])
		}
		if strings.HasPrefix(c.File, "seed") && !slices.Equal(kinds, c.WantKinds) {
			t.Errorf("%s: kinds %v, want %v", c.File, kinds, c.WantKinds)
		}
		if c.WantSession != nil {
			if s, ev := Session(in); s != *c.WantSession {
				t.Errorf("%s: session %q (%q), want %q", c.File, s, ev, *c.WantSession)
			}
		}
		if c.WantDocuments >= 0 {
			if docs := Documents(in); len(docs) != c.WantDocuments {
				t.Errorf("%s: %d documents, want %d: %+v", c.File, len(docs), c.WantDocuments, docs)
			}
		}
	}
	t.Logf("dates right %d/%d (identical to the label %d), chairs right %d/%d (identical %d)",
		dates, len(cases), exactDates, chairs, len(cases), exactChairs)
}

// TestCorpusWholePage runs on the page as scraped, navigation and metadata
// lines included, since the normaliser upstream cannot strip every site's
// furniture. The meeting's date and chair must not move.
func TestCorpusWholePage(t *testing.T) {
	cases := loadCorpus(t)
	dates, chairs := 0, 0
	for _, c := range cases {
		in := c.input(t, true)
		if d := ResolveDate(in); dateOK(c, d.Value) {
			dates++
		} else {
			t.Errorf("%s whole page: date %q (%s, %q), want %q", c.File, d.Value, d.Source, d.Evidence, c.WantDate)
		}
		if ch := Chair(in); chairOK(c, ch.Name) {
			chairs++
		} else {
			t.Errorf("%s whole page: chair %q (%q), want %q", c.File, ch.Name, ch.Evidence, c.WantChair)
		}
	}
	t.Logf("whole pages: dates right %d/%d, chairs right %d/%d", dates, len(cases), chairs, len(cases))
}

// golden is everything the package says about one report, for review in
// testdata/golden and for catching unintended changes.
type golden struct {
	Date      DateResult
	Chair     ChairResult
	Kinds     []string
	Session   string
	SessionEv string
	Documents []Document
	Items     []goldenItem
}

type goldenItem struct {
	Index      int
	Kind       string
	Start, End int
	Head       string // first characters of the item
}

func extractAll(in Input) golden {
	r := Extract(in)
	g := golden{Date: r.Date, Chair: r.Chair, Kinds: r.Kinds, Documents: r.Documents, Session: r.Session, SessionEv: r.SessionEvidence}
	for _, it := range r.Items {
		head := []rune(it.Text)
		if len(head) > 24 {
			head = head[:24]
		}
		g.Items = append(g.Items, goldenItem{it.Index, it.Kind, it.Start, it.End, string(head)})
	}
	return g
}

func TestCorpusGolden(t *testing.T) {
	for _, c := range loadCorpus(t) {
		got, err := json.MarshalIndent(extractAll(c.input(t, false)), "", "  ")
		if err != nil {
			t.Fatalf("%s: encode: %v", c.File, err)
		}
		got = append(got, '\n')
		path := filepath.Join("testdata", "golden", strings.TrimSuffix(c.File, ".txt")+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update)", c.File, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: output differs from %s; review with go test -update and git diff", c.File, path)
		}
	}
}

// Extract must say exactly what the functions say one by one.
func TestExtractMatchesFunctions(t *testing.T) {
	for _, c := range loadCorpus(t) {
		for _, whole := range []bool{false, true} {
			in := c.input(t, whole)
			var want Result
			want.Date, want.Chair, want.Kinds, want.Documents, want.Items = ResolveDate(in), Chair(in), Kinds(in), Documents(in), AgendaItems(in.Body)
			want.Session, want.SessionEvidence = Session(in)
			if got := Extract(in); !reflect.DeepEqual(got, want) {
				t.Errorf("%s (whole page %v): Extract = %+v, want %+v", c.File, whole, got, want)
			}
		}
	}
}

// TestAgendaItemsCorpus checks the spans of every item on the real reports:
// in order, inside the body, not overlapping, each item's text its span.
func TestAgendaItemsCorpus(t *testing.T) {
	for _, c := range loadCorpus(t) {
		in := c.input(t, false)
		items := AgendaItems(in.Body)
		if err := checkItems(in.Body, items); err != nil {
			t.Errorf("%s: %v", c.File, err)
		}
	}
}

func checkItems(body string, items []Item) error {
	prevEnd := 0
	for i, it := range items {
		if it.Start < prevEnd || it.End <= it.Start || it.End > len(body) {
			return fmt.Errorf("item %d span [%d,%d) out of order or outside body of %d bytes", i, it.Start, it.End, len(body))
		}
		if want := valid(body[it.Start:it.End]); it.Text != want {
			return fmt.Errorf("item %d text is not its span", i)
		}
		prevEnd = it.End
	}
	return nil
}
