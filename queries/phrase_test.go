package queries

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestFinderCount(t *testing.T) {
	tests := []struct {
		text, phrase string
		most, want   int
	}{
		{"", "碳达峰", -1, 0},
		{"碳达峰", "碳达峰", -1, 1},
		{"碳达", "碳达峰", -1, 0},
		{"碳达峰碳达峰碳达峰", "峰碳", -1, 2}, // non-overlapping: 峰碳 峰碳 峰
		{"aaaa", "aa", -1, 2},
		{"aaaaa", "aa", -1, 2},
		{"ababab", "aba", -1, 1},
		{"实现碳达峰、碳中和，推进碳达峰", "碳达峰", -1, 2},
		{"实现碳达峰、碳中和，推进碳达峰", "碳达峰", 1, 1},
		{"实现碳达峰、碳中和，推进碳达峰", "碳达峰", 5, 2},
		{"<script>x</script>", "<script>", -1, 1},
		// a phrase whose rarest byte comes last, found at the very end
		{"xxxxxxxx碳", "碳", -1, 1},
		// the anchor matches where the phrase would start before the text
		{"\xa2\xb3碳", "碳", -1, 1},
	}
	for _, tt := range tests {
		if got := newFinder(tt.phrase).count(tt.text, tt.most); got != tt.want {
			t.Errorf("count(%q, %q, %d) = %d, want %d", tt.text, tt.phrase, tt.most, got, tt.want)
		}
	}
}

// TestFinderMatchesStringsCount compares with strings.Count on random texts
// over a small alphabet, so that phrases occur often, overlap and share
// bytes at every offset.
func TestFinderMatchesStringsCount(t *testing.T) {
	alphabet := []string{"碳", "达", "峰", "中", "和", "a", "b", "，", "\xe5"}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for i := range 20000 {
		text, phrase := word(rng.IntN(40)), word(1+rng.IntN(3))
		if i%5 == 0 && len(phrase) > 1 {
			phrase = phrase[1:] // start inside a character
		}
		want := strings.Count(text, phrase)
		if got := newFinder(phrase).count(text, -1); got != want {
			t.Fatalf("count(%q, %q) = %d, strings.Count says %d", text, phrase, got, want)
		}
		if got := newFinder(phrase).count(text, 1); got != min(want, 1) {
			t.Fatalf("count(%q, %q, 1) = %d, want %d", text, phrase, got, min(want, 1))
		}
	}
}

func TestPhraseCountSQL(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "", false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		query string
		want  sql.NullString
	}{
		{"SELECT phrase_count('碳达峰碳达峰碳达峰', '峰碳')", sql.NullString{String: "2", Valid: true}},
		{"SELECT phrase_count('碳达峰碳达峰碳达峰', '碳达峰', 1)", sql.NullString{String: "1", Valid: true}},
		{"SELECT phrase_count('碳达峰', '碳中和')", sql.NullString{}},
		{"SELECT phrase_count('碳达峰', '')", sql.NullString{}},
		{"SELECT phrase_count(NULL, '碳达峰')", sql.NullString{}},
		{"SELECT phrase_count('碳达峰', NULL)", sql.NullString{}},
		{"SELECT phrase_count('碳达峰', '碳达峰', 0)", sql.NullString{}},
		{"SELECT phrase_count('碳达峰', '碳达峰', NULL)", sql.NullString{}},
		{"SELECT phrase_counts('碳达峰碳达峰碳达峰', '峰碳' || chr(10) || '碳达峰' || chr(10) || '碳汇')", sql.NullString{String: "2,3,0", Valid: true}},
		{"SELECT phrase_counts('碳达峰', '碳汇' || chr(10) || '碳中和')", sql.NullString{}},
		{"SELECT phrase_counts('碳达峰', '碳达峰')", sql.NullString{String: "1", Valid: true}},
		{"SELECT phrase_counts(NULL, '碳达峰')", sql.NullString{}},
		// one phrase per row and many rows: more than one chunk, and the
		// phrase changing down a chunk
		{`SELECT sum(phrase_count(repeat('ab', i::INTEGER), CASE WHEN i % 2 = 0 THEN 'ab' ELSE 'ba' END)::BIGINT)::VARCHAR
		  FROM range(5000) r(i)`, sql.NullString{String: "12495000", Valid: true}},
		{`SELECT sum(string_split(phrase_counts(repeat('ab', i::INTEGER), CASE WHEN i % 2 = 0 THEN 'ab' ELSE 'b' || chr(10) || 'ba' END), ',')[-1]::BIGINT)::VARCHAR
		  FROM range(5000) r(i)`, sql.NullString{String: "12495000", Valid: true}},
	}
	for _, tt := range tests {
		var got sql.NullString
		if err := db.SQL.QueryRowContext(ctx, tt.query).Scan(&got); err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		if got != tt.want {
			t.Errorf("%s = %v, want %v", tt.query, got, tt.want)
		}
	}
}
