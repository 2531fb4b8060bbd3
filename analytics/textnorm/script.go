package textnorm

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/longbridgeapp/opencc"
)

const (
	scriptSimplified  = "simplified"
	scriptTraditional = "traditional"
)

//go:generate go run gen_tradchars.go

// tradBits is a bitset over the BMP of tradOnlyChars, for a branch-free
// lookup in the folding loop.
var tradBits = func() *[0x10000 / 64]uint64 {
	var bits [0x10000 / 64]uint64
	for _, r := range tradOnlyChars {
		if r < 0x10000 {
			bits[r>>6] |= 1 << (r & 63)
		}
	}
	return &bits
}()

func isTradOnly(r rune) bool {
	return r < 0x10000 && tradBits[r>>6]&(1<<(uint(r)&63)) != 0
}

// isTraditional decides the script from folding counts. Simplified pages
// carry the odd Traditional-only character (a name, a quoted title), while
// in Traditional text a third or more of the characters are Traditional-only,
// so a 4% share separates them with a wide margin.
func isTraditional(st foldStats) bool {
	return st.tradOnly > 0 && st.tradOnly*25 >= st.han
}

// The OpenCC converter builds its double-array dictionaries on creation
// (about 3 ms), so one instance is shared; conversion only reads it.
var (
	t2sOnce sync.Once
	t2sConv *opencc.OpenCC
	t2sErr  error
)

func loadT2S() (*opencc.OpenCC, error) {
	t2sOnce.Do(func() {
		t2sConv, t2sErr = opencc.New("t2s")
		if t2sErr == nil && len(t2sConv.DictChains) == 0 {
			t2sErr = fmt.Errorf("t2s has no dictionaries")
		}
	})
	if t2sErr != nil {
		return nil, fmt.Errorf("loading OpenCC t2s: %w", t2sErr)
	}
	return t2sConv, nil
}

// toSimplified converts Traditional text with OpenCC's t2s dictionaries
// (phrase table first, so 乾隆 and 瞭解 convert correctly).
//
// OpenCC's own Convert allocates a string, a map and a slice per character
// (about 4 MB/s). convertT2S walks the same double-array tries byte by byte
// without allocating and applies the same rule (per dictionary group: the
// first dictionary with a match wins, longest match up to ten characters,
// first candidate), which TestT2SMatchesOpenCC checks against Convert.
func toSimplified(s string) (string, error) {
	cc, err := loadT2S()
	if err != nil {
		return "", err
	}
	for _, g := range cc.DictChains {
		s = convertGroup(g, s)
	}
	return s, nil
}

// maxMatchRunes is OpenCC's look-ahead (preOffset in its Convert).
const maxMatchRunes = 10

func convertGroup(g *opencc.Group, s string) string {
	var b strings.Builder
	b.Grow(len(s))
	in := unsafeBytes(s)
	for pos := 0; pos < len(in); {
		if in[pos] < utf8.RuneSelf {
			// Dictionary keys are Chinese; copy ASCII runs at once.
			end := pos + 1
			for end < len(in) && in[end] < utf8.RuneSelf {
				end++
			}
			b.Write(in[pos:end])
			pos = end
			continue
		}
		matched := false
		for _, d := range g.Dicts {
			end, value := longestMatch(d.Trie, in, pos)
			if end > pos && value < len(d.Values) && len(d.Values[value]) > 0 {
				b.WriteString(d.Values[value][0])
				pos = end
				matched = true
				break
			}
		}
		if !matched {
			_, size := utf8.DecodeRune(in[pos:])
			b.Write(in[pos : pos+size])
			pos += size
		}
	}
	return b.String()
}

// trie is the part of cedar.Cedar that matching needs.
type trie interface {
	Jump(path []byte, from int) (int, error)
	Value(id int) (int, error)
}

// longestMatch returns the end of the longest key of t that starts at
// in[pos] and spans at most maxMatchRunes characters, and its value index.
func longestMatch(t trie, in []byte, pos int) (end, value int) {
	end = pos
	node, runes := 0, 0
	for i := pos; i < len(in); i++ {
		next, err := t.Jump(in[i:i+1], node)
		if err != nil {
			break
		}
		node = next
		if i+1 < len(in) && !utf8.RuneStart(in[i+1]) {
			continue // keys end on character boundaries
		}
		runes++
		if v, err := t.Value(node); err == nil {
			end, value = i+1, v
		}
		if runes == maxMatchRunes {
			break
		}
	}
	return end, value
}

// unsafeBytes views s as bytes without copying; the bytes are only read.
func unsafeBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
