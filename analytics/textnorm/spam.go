package textnorm

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Injected gambling spam on hacked government pages looks like a site name:
// brand words glued to 娱乐/体育/官网 suffixes and chained with "_", "-" or
// "|" (新万博娱乐_新万博体育-劲爆体育官网), dropped in place of a district
// name or of a word such as 关于 (《新万博体育:对…的方案》). Normal prose uses
// the same suffixes (文体旅, 平台载体, 区政府官网), so a string only counts as
// spam when its structure says "site name": a known gambling brand before
// the suffix, or a chain of brand+suffix segments with a repeated brand.

// spamSuffix is a word that ends a gambling site name. Strong suffixes are
// gambling-specific; weak ones (体育, 平台…) are ordinary words that only
// count after a gambling brand or inside a chain next to a strong one.
type spamSuffix struct {
	word   string
	strong bool
}

// spamSuffixes is sorted longest first so that matching is greedy.
var spamSuffixes = sortedByLen([]spamSuffix{
	{"娱乐城", true}, {"娱乐场", true}, {"娱乐", true}, {"官方网站", true}, {"官网", true},
	{"彩票", true}, {"棋牌", true}, {"真人", true}, {"博彩", true}, {"赌场", true},
	{"投注", true}, {"网投", true}, {"开户", true}, {"app下载", true}, {"APP下载", true},
	{"体育", false}, {"平台", false}, {"集团", false}, {"国际", false}, {"在线", false},
	{"网址", false}, {"登录", false}, {"入口", false}, {"注册", false}, {"手机版", false},
	{"网页版", false}, {"客户端", false}, {"app", false}, {"APP", false}, {"下载", false},
})

// spamBrands are gambling brands. Strong brands are spam with any suffix;
// weak ones are also place or company names (澳门, 金沙县, 开云集团) and need a
// strong suffix.
var spamBrands = sortedBrands(map[string]bool{
	"新万博": true, "万博": false, "威尼斯人": true, "澳门威尼斯人": true, "葡京": true,
	"新葡京": true, "澳门新葡京": true, "太阳城": true, "澳门太阳城": true, "bet365": true,
	"BET365": true, "金宝博": true, "188金宝博": true, "华体会": true, "必威": true,
	"威廉希尔": true, "伟德": true, "沙巴": true, "博狗": true, "凯发": true, "雷竞技": true,
	"明升": true, "尊龙": true, "龙8": true, "沐鸣": true, "杏彩": true, "鸭脖": true,
	"新濠": true, "美高梅": true, "百家乐": true, "六合彩": true, "时时彩": true,
	"北京赛车": true, "乐鱼": true, "亚博": true, "澳门金沙": true, "澳门银河": true,
	"澳门永利": true, "澳门": false, "金沙": false, "银河": false, "皇冠": false,
	"永利": false, "开云": false, "九游": false, "米乐": false, "欧宝": false,
	"天博": false, "半岛": false, "星空": false, "江南": false, "大发": false,
	"爱游戏": false, "利来": false,
})

type spamBrand struct {
	name   string
	strong bool
}

func sortedByLen(s []spamSuffix) []spamSuffix {
	sort.SliceStable(s, func(i, j int) bool { return len(s[i].word) > len(s[j].word) })
	return s
}

func sortedBrands(m map[string]bool) []spamBrand {
	out := make([]spamBrand, 0, len(m))
	for k, v := range m {
		out = append(out, spamBrand{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].name) != len(out[j].name) {
			return len(out[i].name) > len(out[j].name)
		}
		return out[i].name < out[j].name
	})
	return out
}

// suffixAt returns the longest spam suffix starting at s[i:].
func suffixAt(s string, i int) (spamSuffix, bool) {
	for _, sf := range spamSuffixes {
		if strings.HasPrefix(s[i:], sf.word) {
			return sf, true
		}
	}
	return spamSuffix{}, false
}

// suffixBefore returns the longest spam suffix ending at s[:i].
func suffixBefore(s string, i int) (spamSuffix, bool) {
	for _, sf := range spamSuffixes {
		if strings.HasSuffix(s[:i], sf.word) {
			return sf, true
		}
	}
	return spamSuffix{}, false
}

// brandBefore returns the longest known brand ending at s[:i].
func brandBefore(s string, i int) (spamBrand, bool) {
	for _, b := range spamBrands {
		if strings.HasSuffix(s[:i], b.name) {
			return b, true
		}
	}
	return spamBrand{}, false
}

// suffixStarts marks the first rune of every spam suffix, so that the scan
// for suffixes costs one bit test per character.
var suffixStarts = func() *[0x10000 / 64]uint64 {
	var bits [0x10000 / 64]uint64
	for _, sf := range spamSuffixes {
		r, _ := utf8.DecodeRuneInString(sf.word)
		bits[r>>6] |= 1 << (uint(r) & 63)
	}
	return &bits
}()

func mayStartSuffix(r rune) bool {
	return r < 0x10000 && suffixStarts[r>>6]&(1<<(uint(r)&63)) != 0
}

// brandEnds marks the last rune of every known brand: a suffix only needs a
// closer look when such a rune precedes it.
var brandEnds = func() *[0x10000 / 64]uint64 {
	var bits [0x10000 / 64]uint64
	for _, b := range spamBrands {
		r, _ := utf8.DecodeLastRuneInString(b.name)
		bits[r>>6] |= 1 << (uint(r) & 63)
	}
	return &bits
}()

func mayEndBrand(r rune) bool {
	return r < 0x10000 && brandEnds[r>>6]&(1<<(uint(r)&63)) != 0
}

// span is a byte range [start, end) of spam in a string.
type span struct{ start, end int }

// spamScan holds what one document taught about its spam, so that the
// title and the text share it.
type spamScan struct {
	learned []string // brand+suffix segments seen in site-name spam
}

// spamCandidates says which of the scan's searches can find anything in a
// text: folding notes whether its output has a brand-suffix pair or a chain
// separator (foldStats), and a search that cannot match is skipped.
type spamCandidates struct{ branded, chains bool }

// anySpam is for text nothing is known of.
var anySpam = spamCandidates{branded: true, chains: true}

// remove deletes spam from s and returns the cleaned string and the removed
// strings in order of appearance.
func (sc *spamScan) remove(s string) (string, []string) { return sc.removeIn(s, anySpam) }

// removeIn is remove for a text of which c is known.
func (sc *spamScan) removeIn(s string, c spamCandidates) (string, []string) {
	spans := sc.find(s, c)
	if len(spans) == 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	var found []string
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.start])
		found = append(found, s[sp.start:sp.end])
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String(), found
}

func (sc *spamScan) find(s string, c spamCandidates) []span {
	var spans []span
	if c.branded {
		spans = sc.findBranded(s, spans)
	}
	if c.chains {
		spans = sc.findChains(s, spans)
	}
	if len(spans) == 0 && len(sc.learned) == 0 {
		return nil
	}
	// A segment learned from one site-name string is spam wherever it
	// stands alone too (新万博体育: in place of 关于).
	for _, l := range sc.learned {
		for off := 0; ; {
			j := strings.Index(s[off:], l)
			if j < 0 {
				break
			}
			spans = append(spans, span{off + j, off + j + len(l)})
			off += j + len(l)
		}
	}
	return mergeSpans(s, spans)
}

// countryTag is the infix of the commonest SEO spam titles
// (开云体育(中国)官方网站); it stands between a brand and its suffix.
const countryTag = "(中国)"

// findBranded finds a known brand followed by suffixes: 新万博体育,
// 澳门新葡京官网, 开云体育(中国)官方网站.
func (sc *spamScan) findBranded(s string, spans []span) []span {
	var prev rune
	for i := 0; i < len(s); {
		// three-byte characters, nearly all of a report, decoded inline
		var r rune
		size := 3
		if c := s[i]; c >= 0xE0 && c < 0xF0 {
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else {
			r, size = nextRune(s, i)
		}
		if !mayStartSuffix(r) || !(mayEndBrand(prev) || prev == ')') {
			prev = r
			i += size
			continue
		}
		start, ok := brandedStart(s, i)
		if !ok {
			prev = r
			i += size
			continue
		}
		end := i
		for {
			next, ok := suffixAt(s, end)
			if !ok {
				break
			}
			end += len(next.word)
		}
		spans = append(spans, span{start, end})
		sc.learn(s[start:end])
		prev, _ = utf8.DecodeLastRuneInString(s[:end])
		i = end
	}
	return spans
}

// brandedStart checks the text before the suffix at s[i:] for a known brand,
// possibly followed by weak suffixes and the country tag, and returns where
// the brand starts. A weak brand needs a strong suffix somewhere.
func brandedStart(s string, i int) (int, bool) {
	sf, ok := suffixAt(s, i)
	if !ok {
		return 0, false
	}
	strong := sf.strong
	end := i
	if strings.HasSuffix(s[:end], countryTag) {
		end -= len(countryTag)
		for {
			w, ok := suffixBefore(s, end)
			if !ok {
				break
			}
			end -= len(w.word)
			strong = strong || w.strong
		}
	}
	b, ok := brandBefore(s, end)
	if !ok || (!b.strong && !strong) {
		return 0, false
	}
	return end - len(b.name), true
}

func (sc *spamScan) learn(seg string) {
	if utf8.RuneCountInString(seg) < 3 {
		return
	}
	for _, l := range sc.learned {
		if l == seg {
			return
		}
	}
	sc.learned = append(sc.learned, seg)
}

func isSpamSep(c byte) bool { return c == '_' || c == '-' || c == '|' }

func isWordRune(r rune) bool {
	return isHan(r) || (r >= '0' && r <= '9') || ((r|0x20) >= 'a' && (r|0x20) <= 'z')
}

// findChains finds brand+suffix segments joined by separators.
func (sc *spamScan) findChains(s string, spans []span) []span {
	var seps separators
	for off := 0; off < len(s); {
		p := seps.next(s, off)
		if p < 0 {
			break
		}
		off = p + 1
		before, _ := utf8.DecodeLastRuneInString(s[:p])
		after, _ := utf8.DecodeRuneInString(s[p+1:])
		if !isWordRune(before) || !isWordRune(after) || (!isHan(before) && !isHan(after)) {
			continue
		}
		segs := chainSegments(s, p)
		if sp, ok := sc.evalChain(s, segs); ok {
			spans = append(spans, sp)
		}
		off = segs[len(segs)-1].end
	}
	return spans
}

// separators finds the chain separators _ - | in order. Each is searched
// with IndexByte and its next offset kept until passed: the three are rare
// in Chinese text, which strings.IndexAny would read byte by byte.
type separators struct {
	at       [3]int // next offset of each separator, or -1 for none left
	searched bool
}

var separatorBytes = [3]byte{'_', '-', '|'}

// next returns the first offset ≥ off holding a separator, or -1. The
// offsets asked for must not decrease.
func (sp *separators) next(s string, off int) int {
	best := -1
	for k, c := range separatorBytes {
		if !sp.searched || sp.at[k] >= 0 && sp.at[k] < off {
			sp.at[k] = -1
			if j := strings.IndexByte(s[off:], c); j >= 0 {
				sp.at[k] = off + j
			}
		}
		if a := sp.at[k]; a >= 0 && (best < 0 || a < best) {
			best = a
		}
	}
	sp.searched = true
	return best
}

// chainSegments returns the word-rune runs around separator p and every
// separator-joined run after it.
func chainSegments(s string, p int) []span {
	start := p
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	segs := []span{{start, p}}
	for i := p; i < len(s) && isSpamSep(s[i]); {
		segStart := i + 1
		end := segStart
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if !isWordRune(r) {
				break
			}
			end += size
		}
		if end == segStart {
			break
		}
		segs = append(segs, span{segStart, end})
		i = end
	}
	return segs
}

// segInfo is the spam reading of one chain segment.
type segInfo struct {
	span
	brand  string
	strong bool
	known  bool // brand is in spamBrands
}

func (sc *spamScan) evalChain(s string, segs []span) (span, bool) {
	if len(segs) < 2 {
		return span{}, false
	}
	infos := make([]segInfo, len(segs))
	ok := make([]bool, len(segs))
	// Middle segments first: they are whole names and teach the brand that
	// the outer segments share.
	var brands []string
	for i := 1; i < len(segs)-1; i++ {
		infos[i], ok[i] = wholeSegment(s, segs[i])
		if ok[i] && infos[i].brand != "" {
			brands = append(brands, infos[i].brand)
		}
	}
	infos[0], ok[0] = tailSegment(s, segs[0], brands)
	last := len(segs) - 1
	infos[last], ok[last] = headSegment(s, segs[last])

	// Longest run of consecutive qualifying segments.
	bestLo, bestHi := -1, -1
	for lo := 0; lo < len(segs); lo++ {
		if !ok[lo] {
			continue
		}
		hi := lo
		for hi+1 < len(segs) && ok[hi+1] {
			hi++
		}
		if hi-lo > bestHi-bestLo {
			bestLo, bestHi = lo, hi
		}
		lo = hi
	}
	if bestLo < 0 || bestHi == bestLo {
		return span{}, false
	}
	run := infos[bestLo : bestHi+1]
	strong, known, repeated := 0, false, false
	seen := map[string]bool{}
	for _, in := range run {
		if in.strong {
			strong++
		}
		known = known || in.known
		if in.brand != "" {
			repeated = repeated || seen[in.brand]
			seen[in.brand] = true
		}
	}
	if strong == 0 || !(known || repeated || (len(run) >= 3 && strong >= 2)) {
		return span{}, false
	}
	for _, in := range run {
		sc.learn(s[in.start:in.end])
	}
	return span{run[0].start, run[len(run)-1].end}, true
}

// stripSuffixes removes spam suffixes from the end of seg and reports the
// remaining brand part and whether any suffix was strong.
func stripSuffixes(s string, seg span) (brandEnd int, strong, any bool) {
	end := seg.end
	for end > seg.start {
		sf, ok := suffixBefore(s[:end], end)
		if !ok || end-len(sf.word) < seg.start {
			break
		}
		end -= len(sf.word)
		strong = strong || sf.strong
		any = true
	}
	return end, strong, any
}

// wholeSegment reads a middle segment, which must be brand+suffixes.
func wholeSegment(s string, seg span) (segInfo, bool) {
	brandEnd, strong, any := stripSuffixes(s, seg)
	if !any || utf8.RuneCountInString(s[seg.start:brandEnd]) > 6 {
		return segInfo{}, false
	}
	brand := s[seg.start:brandEnd]
	_, known := brandBefore(brand, len(brand))
	return segInfo{span: seg, brand: brand, strong: strong, known: known}, true
}

// tailSegment reads the first segment, whose start runs into normal text
// (《苏州市新万博娱乐): only its brand+suffix tail is spam.
func tailSegment(s string, seg span, brands []string) (segInfo, bool) {
	brandEnd, strong, any := stripSuffixes(s, seg)
	if !any {
		return segInfo{}, false
	}
	start := brandEnd
	known := false
	if b, ok := brandBefore(s[:brandEnd], brandEnd); ok && brandEnd-len(b.name) >= seg.start {
		start, known = brandEnd-len(b.name), true
	} else {
		for _, br := range brands {
			if br != "" && strings.HasSuffix(s[seg.start:brandEnd], br) {
				start = brandEnd - len(br)
				break
			}
		}
		if start == brandEnd {
			// Unknown brand: brand names are short, take up to four characters.
			for n := 0; n < 4 && start > seg.start; n++ {
				_, size := utf8.DecodeLastRuneInString(s[:start])
				start -= size
			}
		}
	}
	return segInfo{span: span{start, seg.end}, brand: s[start:brandEnd], strong: strong, known: known}, true
}

// headSegment reads the last segment, whose end runs into normal text
// (劲爆体育官网2025年安全生产…): only its brand+suffix head is spam.
func headSegment(s string, seg span) (segInfo, bool) {
	i := seg.start
	for n := 0; n <= 6 && i < seg.end; n++ {
		if sf, ok := suffixAt(s[:seg.end], i); ok {
			end := i + len(sf.word)
			strong := sf.strong
			for {
				next, ok := suffixAt(s[:seg.end], end)
				if !ok {
					break
				}
				end += len(next.word)
				strong = strong || next.strong
			}
			brand := s[seg.start:i]
			_, known := brandBefore(brand, len(brand))
			return segInfo{span: span{seg.start, end}, brand: brand, strong: strong, known: known}, true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return segInfo{}, false
}

// mergeSpans sorts spans, joins overlapping ones and ones separated only by
// a separator, and lets a span swallow the colon or separator that follows
// it.
func mergeSpans(s string, spans []span) []span {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.start <= last.end || (sp.start == last.end+1 && isSpamSep(s[last.end])) {
			last.end = max(last.end, sp.end)
			continue
		}
		out = append(out, sp)
	}
	for i := range out {
		e := out[i].end
		// A separator followed by more suffixes continues the site name
		// (…官方网站-APP下载).
		for e+1 < len(s) && isSpamSep(s[e]) {
			sf, ok := suffixAt(s, e+1)
			if !ok {
				break
			}
			e += 1 + len(sf.word)
			for {
				next, ok := suffixAt(s, e)
				if !ok {
					break
				}
				e += len(next.word)
			}
		}
		if e < len(s) && (s[e] == ':' || isSpamSep(s[e])) {
			// "新万博体育:对…" and "…官网_区委常委会召开…": the colon or
			// separator only joined the spam to the real text.
			e++
		}
		if i+1 < len(out) {
			e = min(e, out[i+1].start)
		}
		out[i].end = e
	}
	return out
}
