package places

import (
	"testing"
	"time"
)

// BenchmarkResolve measures resolution throughput over the labelled corpus;
// MB/s counts title, body and furniture bytes.
func BenchmarkResolve(b *testing.B) {
	var clues []Clues
	size := 0
	for _, g := range readGold(b) {
		c := readReport(b, g.file)
		clues = append(clues, c)
		size += len(c.Title) + len(c.Body) + len(c.Furniture)
	}
	if _, err := loadIndexes(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range clues {
			Resolve(c)
		}
	}
}

// TestIndexBuildTime logs how long the one-time parse and index build take;
// it runs in its own process only when the package's tests start fresh, so
// treat the number as indicative.
func TestIndexBuildTime(t *testing.T) {
	start := time.Now()
	if _, err := loadIndexes(); err != nil {
		t.Fatal(err)
	}
	t.Logf("gazetteer parse + index build: %v (zero if already loaded by another test)", time.Since(start))
}
