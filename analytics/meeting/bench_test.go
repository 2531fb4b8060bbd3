package meeting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seedInputs(b *testing.B) ([]Input, int64) {
	var inputs []Input
	var total int64
	for _, c := range loadCorpus(b) {
		if !strings.HasPrefix(c.File, "seed") {
			continue
		}
		in := c.input(b, false)
		inputs = append(inputs, in)
		total += int64(len(in.Body))
	}
	return inputs, total
}

// BenchmarkSeeds runs Extract over the five seed reports; b.SetBytes makes
// the result read as MB/s of body text.
func BenchmarkSeeds(b *testing.B) {
	inputs, total := seedInputs(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			Extract(in)
		}
	}
}

// BenchmarkSeedsOneByOne calls the six functions separately, each
// preparing the text again.
func BenchmarkSeedsOneByOne(b *testing.B) {
	inputs, total := seedInputs(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			ResolveDate(in)
			Chair(in)
			Kinds(in)
			Session(in)
			Documents(in)
			AgendaItems(in.Body)
		}
	}
}

// BenchmarkFullWidth measures the cost of folding full-width forms.
func BenchmarkFullWidth(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "corpus", "seed002.txt"))
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Body: wide(string(raw)), Published: "2022-04-15"}
	b.SetBytes(int64(len(in.Body)))
	for b.Loop() {
		Extract(in)
	}
}
