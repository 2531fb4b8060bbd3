package queries

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestGramMaskNeverPrunesAnOccurrence: whatever the text and wherever a
// phrase occurs in it (at either end, across characters of every script,
// next to a byte that is not UTF-8), the text's filter admits the phrase.
func TestGramMaskNeverPrunesAnOccurrence(t *testing.T) {
	alphabet := []string{"碳", "达", "峰", "中", "和", "a", "B", "7", "0", "-", " ", "，", "\n", "𠀀", "\xe5"}
	rng := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	pruned := 0
	for range 50000 {
		text := word(rng.IntN(60))
		grams := make([]uint64, gramWords)
		addGrams(grams, text)
		// a phrase cut from the text at any byte offsets, or a new one
		var phrase string
		if len(text) > 0 && rng.IntN(2) == 0 {
			i := rng.IntN(len(text))
			j := i + 1 + rng.IntN(min(len(text)-i, 12))
			phrase = text[i:j]
		} else {
			phrase = word(1 + rng.IntN(4))
		}
		holds := strings.Contains(text, phrase)
		admits := newGramMask(phrase).mayHold(grams)
		if holds && !admits {
			t.Fatalf("filter of %q rules out %q, which it contains", text, phrase)
		}
		if !admits {
			pruned++
		}
	}
	if pruned == 0 {
		t.Error("the filter never ruled a phrase out")
	}
}

func TestGramMask(t *testing.T) {
	tests := []struct {
		text, phrase string
		admits       bool
	}{
		{"会议研究碳达峰工作", "碳达峰", true},
		{"会议研究碳达峰工作", "会议", true},   // at the start
		{"会议研究碳达峰工作", "工作", true},   // at the end
		{"会议研究碳达峰工作", "碳", true},    // one character: never ruled out
		{"会议研究碳达峰工作", "碳中和", false}, // 碳中 and 中和 are not in the text
		{"会议研究碳达峰工作", "峰碳", false},
		{"COVID-19 防控", "ID-1", true},
		{"COVID-19 防控", "9 防", true},
		{"COVID-19 防控", "2019", false},
		{"碳达峰", "\xe8\xbe\xbe", true}, // 达 alone
		{"碳达峰", "\xbe\xbe", true},     // not UTF-8: never ruled out
		{"", "碳达峰", false},
	}
	for _, tt := range tests {
		grams := make([]uint64, gramWords)
		addGrams(grams, tt.text)
		if got := newGramMask(tt.phrase).mayHold(grams); got != tt.admits {
			t.Errorf("filter of %q admits %q: %v, want %v", tt.text, tt.phrase, got, tt.admits)
		}
	}
}
