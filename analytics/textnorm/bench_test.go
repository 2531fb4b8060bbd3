package textnorm

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func loadInputs(b *testing.B, pattern string) ([][]byte, int64) {
	b.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		b.Fatalf("no inputs for %s: %v", pattern, err)
	}
	var inputs [][]byte
	var total int64
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, raw)
		total += int64(len(raw))
	}
	return inputs, total
}

func benchNormalize(b *testing.B, pattern string) {
	inputs, total := loadInputs(b, pattern)
	if _, err := toSimplified("區"); err != nil { // load OpenCC outside the timer
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for _, raw := range inputs {
			if _, err := Normalize(raw, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkNormalize runs over the five seeds (one of them Traditional).
func BenchmarkNormalize(b *testing.B) { benchNormalize(b, "testdata/seeds/*.txt") }

// BenchmarkNormalizeSimplified leaves out the Traditional seed, to show the
// cost of the path most reports take.
func BenchmarkNormalizeSimplified(b *testing.B) { benchNormalize(b, "testdata/seeds/00[0-3]*.txt") }

// BenchmarkNormalizeTraditional is the OpenCC-bound path.
func BenchmarkNormalizeTraditional(b *testing.B) { benchNormalize(b, "testdata/seeds/004*.txt") }

func BenchmarkNormalizeHTML(b *testing.B) { benchNormalize(b, "testdata/html/*.html") }

// BenchmarkOpenCCLoad measures building the t2s dictionaries, paid once per
// process.
func BenchmarkOpenCCLoad(b *testing.B) {
	for b.Loop() {
		t2sOnce = sync.Once{}
		if _, err := toSimplified("區"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkT2S compares OpenCC's Convert with the allocation-free matcher
// over the same dictionaries, on the Traditional seed.
func BenchmarkT2S(b *testing.B) {
	raw, err := os.ReadFile("testdata/seeds/004_9a726ed6efeaa8a0.txt")
	if err != nil {
		b.Fatal(err)
	}
	text, _ := fold(string(raw))
	cc, err := loadT2S()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("opencc.Convert", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := cc.Convert(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("toSimplified", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := toSimplified(text); err != nil {
				b.Fatal(err)
			}
		}
	})
}
