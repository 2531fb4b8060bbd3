package main

import (
	"sort"
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// Sites spell their host names from the place name's reading, and place names
// are full of characters with several readings (重庆 chong, 厦门 xia, 六安 lu,
// 长安 chang). Without a phrase dictionary we cannot know the right one, so
// we keep the first few combinations of each character's readings; places
// matches a host against any of them.
const (
	maxReadingsPerChar = 2
	maxVariants        = 4
	maxCombos          = 256
)

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	a.Style = pinyin.Normal
	return a
}()

// readings returns the syllables of s, one slice of candidate readings per
// character, or nil if some character has no reading.
func readings(s string) [][]string {
	rs := pinyin.Pinyin(s, pinyinArgs)
	if len(rs) != len([]rune(s)) {
		return nil
	}
	for i, r := range rs {
		if len(r) == 0 {
			return nil
		}
		if len(r) > maxReadingsPerChar {
			rs[i] = r[:maxReadingsPerChar]
		}
	}
	return rs
}

// spellings returns up to maxVariants full spellings (jiulongpo) and the
// distinct initials (jlp) of s, most likely reading first.
func spellings(s string) (full, initials []string) {
	rs := readings(s)
	if rs == nil {
		return nil, nil
	}
	// Enumerate combinations, then prefer those that depart least from
	// each character's first (most common) reading.
	type combo struct {
		syl   []string
		minor int
	}
	combos := []combo{{}}
	for _, r := range rs {
		var next []combo
		for _, c := range combos {
			for k, syl := range r {
				if len(next) == maxCombos {
					break
				}
				n := combo{syl: append(append([]string(nil), c.syl...), syl), minor: c.minor}
				if k > 0 {
					n.minor++
				}
				next = append(next, n)
			}
		}
		combos = next
	}
	sort.SliceStable(combos, func(i, j int) bool { return combos[i].minor < combos[j].minor })
	if len(combos) > maxVariants {
		combos = combos[:maxVariants]
	}
	seenF, seenI := map[string]bool{}, map[string]bool{}
	for _, c := range combos {
		f := strings.Join(c.syl, "")
		var b strings.Builder
		for _, syl := range c.syl {
			b.WriteByte(syl[0])
		}
		i := b.String()
		if !seenF[f] {
			seenF[f] = true
			full = append(full, f)
		}
		if !seenI[i] {
			seenI[i] = true
			initials = append(initials, i)
		}
	}
	return full, initials
}
