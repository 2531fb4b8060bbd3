package places

import "strings"

// Some counties publish machine-translated English pages ("Chen Xiang …
// county governor … Nanchang Municipal Committee"). Their only place clues in
// the text are pinyin words: a city name, or a county name followed by
// County/District/Banner.
type latinIndex struct {
	city   map[string][]int32
	county map[string][]int32
}

func buildLatinIndex(g *gazetteer) *latinIndex {
	x := &latinIndex{city: map[string][]int32{}, county: map[string][]int32{}}
	for i, c := range g.cities {
		for _, py := range c.py {
			if len(py) >= 4 {
				x.city[py] = appendUnique(x.city[py], int32(i))
			}
		}
	}
	for i, c := range g.counties {
		names := c.pyShort
		if len(names) == 0 {
			names = c.pyFull
		}
		for _, py := range names {
			if len(py) >= 4 {
				x.county[py] = appendUnique(x.county[py], int32(i))
			}
		}
	}
	return x
}

var latinUnitWords = map[string]int{"county": kindXian, "district": kindQu, "banner": kindQi}

// latinLandmarks after a place word make it a street or site name
// (Xiangyang Road), not a reference to the city.
var latinLandmarks = map[string]bool{"road": true, "street": true, "avenue": true, "lane": true, "park": true, "bridge": true, "square": true}

type latinWord struct {
	word  string // lower case
	upper bool   // first letter was a capital
	start int
}

// latinWords returns the ASCII words of s of two letters or more.
func latinWords(s string, buf []latinWord) []latinWord {
	buf = buf[:0]
	start := -1
	for i := 0; i <= len(s); i++ {
		isLetter := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
		if isLetter && start < 0 {
			start = i
		}
		if !isLetter && start >= 0 {
			if i-start >= 2 {
				w := s[start:i]
				buf = append(buf, latinWord{word: strings.ToLower(w), upper: w[0] >= 'A' && w[0] <= 'Z', start: start})
			}
			start = -1
		}
	}
	return buf
}

// minLatinLetters: below this many ASCII letters a text is Chinese with the
// odd abbreviation (GDP, PM2.5), and the word scan is skipped.
const minLatinLetters = 40

func (r *resolver) scanLatin(text string, z zone) {
	letters := 0
	for i := 0; i < len(text) && letters < minLatinLetters; i++ {
		if c := text[i] | 0x20; c-'a' < 26 { // one unsigned comparison: this runs over every body
			letters++
		}
	}
	if letters < minLatinLetters {
		return
	}
	lx := r.g.latin
	r.words = latinWords(text, r.words)
	ws := r.words
	for i, w := range ws {
		if k, ok := latinUnitWords[w.word]; ok {
			r.kindCount[k]++
		}
		if !w.upper || len(w.word) < 4 {
			continue
		}
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1].word
		}
		if latinLandmarks[next] {
			continue
		}
		if k, ok := latinUnitWords[next]; ok {
			for _, id := range lx.county[w.word] {
				if c := &r.g.counties[id]; c.kind == k {
					span := text[w.start : ws[i+1].start+len(next)]
					r.add(id, evidence{w: wFullName * z.factor, rule: "text_latin", span: span})
				}
			}
			continue
		}
		for _, id := range lx.city[w.word] {
			r.cityScore[id] += z.factor
		}
	}
}
