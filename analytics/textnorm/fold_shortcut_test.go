package textnorm

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// commonRunPlain is commonRun spelled out with the general rune functions.
func commonRunPlain(st *foldStats, s string, i int, prev *rune) int {
	for i < len(s) {
		r, size := nextRune(s, i)
		if !(r < utf8.RuneSelf || r >= 0x4E00 && r <= 0x9FFF) || !plainRune(r) {
			break
		}
		st.count(r)
		*prev = r
		i += size
	}
	return i
}

func TestCommonRunMatchesPlainRunes(t *testing.T) {
	texts := []string{"", "abc(def", "会议\u4dff\u4e00\u9fff\ua000國語 x\t", "（ａ）", "2024年5月14日，区长"}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue // fold makes its input valid first
		}
		for i := 0; i < len(s); {
			var got, want foldStats
			var gotPrev, wantPrev rune
			j, k := got.commonRun(s, i, &gotPrev), commonRunPlain(&want, s, i, &wantPrev)
			if j != k || got != want || gotPrev != wantPrev {
				t.Fatalf("at %d of %.40q: commonRun = %d %+v %q, want %d %+v %q", i, s[i:], j, got, gotPrev, k, want, wantPrev)
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
}
