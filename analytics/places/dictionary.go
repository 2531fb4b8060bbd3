package places

import (
	"strings"
	"unicode/utf8"
)

// refType says what a dictionary string names. One string can name several
// things (吉林: a province and a city; 凤凰: a county's short form and a dozen
// townships), so each pattern carries a list of refs.
type refType uint8

const (
	refCountyFull refType = iota
	refCountyShort
	refAlias
	refFormer // pre-县改区 name: 萧山市 for 萧山区
	refCityFull
	refCityShort
	refProvFull
	refProvShort
	refTownFull
	refTownShort
	refKind // self-reference word: 区政府, 县长 …; id is the kind
	refCue  // clause word; id cuePartner (合作, 对口 …) or cueReference (事故, 经验 …): the text needs clause analysis
	refCode // code keyword (网站标识码, 索引号 …); id indexes codeKeywords
	// refUpper is a word by which a text speaks for a government above the
	// county level (我国, 全省, 省政府); id is levelNation or levelProvince.
	refUpper
)

// Kinds of clause word: each tells which clause analysis a text needs.
const (
	cuePartner = iota
	cueReference
)

// Levels above the county that a text may speak for.
const (
	levelNation = iota
	levelProvince
)

type ref struct {
	typ refType
	id  int32
}

// Mentions are chosen in tiers so that a weak reading cannot split a strong
// one: 无锡市惠山区 must read as 无锡市 + 惠山区 even if some township's short
// name happened to straddle the boundary.
func (t refType) tier() int {
	switch t {
	case refCountyFull, refAlias, refFormer, refCityFull, refProvFull, refTownFull:
		return 0
	case refCountyShort, refCityShort, refProvShort:
		return 1
	case refTownShort:
		return 2
	default:
		return -1
	}
}

type dictionary struct {
	m       *matcher
	refs    [][]ref
	tier    []int8 // strongest tier among a pattern's place refs, -1 if none
	special []bool // pattern has kind, cue or code refs
}

// selfWords are the words a report uses for its own government; counting
// them tells a 区 from a 县 or 旗 (e.g. 九龙坡区 vs 九龙县).
var selfWords = map[int][]string{
	kindQu:   {"区政府", "区人民政府", "区委", "区长", "全区", "我区", "区人大", "区政协", "区领导"},
	kindXian: {"县政府", "县人民政府", "县委", "县长", "全县", "我县", "县人大", "县政协", "县领导", "县域"},
	kindQi:   {"旗政府", "旗人民政府", "旗委", "旗长", "全旗", "我旗", "旗人大", "旗政协", "旗领导", "旗级"},
	kindShi:  {"市政府", "市人民政府", "市委", "市长", "全市", "我市", "市人大", "市政协"},
}

// upperWords are the words a provincial or national text uses for its own
// government and territory. County reports use them too (传达省委全会精神),
// but far less often than their own 区/县 words. An autonomous region calls
// itself 全区 like a district, so its texts are told by 自治区 (自治区党委,
// 自治区人民政府) instead.
var upperWords = map[int][]string{
	levelNation:   {"我国", "国务院", "全国人民", "各族人民", "中央人民政府"},
	levelProvince: {"全省", "我省", "省政府", "省人民政府", "省委", "省长", "自治区"},
}

// townSuffixes, longest first, turn a township name into the form reports
// also use (庵埠镇 → 庵埠).
var townSuffixes = []string{"街道办事处", "地区办事处", "民族苏木", "民族乡", "办事处", "街道", "苏木", "镇", "乡"}

// specificTown reports whether a township name is worth matching: a
// regular 镇/乡/街道 name of three characters or more, or, for the farms,
// zones and parks NBS also lists at this level, a name long enough to be
// specific (喀喇沁经济开发区, not 高新区 or 街道).
func specificTown(name string) bool {
	n := utf8.RuneCountInString(name)
	for _, s := range townSuffixes {
		if strings.HasSuffix(name, s) {
			return n >= 3 && n > utf8.RuneCountInString(s)+1
		}
	}
	return n >= 5
}

func townShort(name string) string {
	for _, s := range townSuffixes {
		if rest, ok := strings.CutSuffix(name, s); ok {
			if utf8.RuneCountInString(rest) >= 2 {
				return rest
			}
			return ""
		}
	}
	return ""
}

func buildDictionary(g *gazetteer) *dictionary {
	index := map[string]int{}
	var patterns []string
	var refs [][]ref
	add := func(s string, r ref) {
		if utf8.RuneCountInString(s) < 2 {
			return
		}
		i, ok := index[s]
		if !ok {
			i = len(patterns)
			index[s] = i
			patterns = append(patterns, s)
			refs = append(refs, nil)
		}
		for _, old := range refs[i] {
			if old == r {
				return
			}
		}
		refs[i] = append(refs[i], r)
	}
	for i, p := range g.provinces {
		add(p.name, ref{refProvFull, int32(i)})
		add(p.short, ref{refProvShort, int32(i)})
	}
	for i, c := range g.cities {
		add(c.name, ref{refCityFull, int32(i)})
		add(c.short, ref{refCityShort, int32(i)})
	}
	for i := range g.counties {
		c := &g.counties[i]
		add(c.Name, ref{refCountyFull, int32(i)})
		if c.short != "" {
			add(c.short, ref{refCountyShort, int32(i)})
		}
		for _, a := range c.aliases {
			add(a, ref{refAlias, int32(i)})
		}
	}
	for _, a := range aliases {
		if i, ok := g.byCode[a.code]; ok {
			add(a.name, ref{refAlias, i})
		}
	}
	// Autonomous counties and banners are mostly written with their stem
	// and unit word (长阳县 for 长阳土家族自治县, 鄂温克旗 for 鄂温克族自治旗).
	for i := range g.counties {
		c := &g.counties[i]
		unit := ""
		switch {
		case strings.HasSuffix(c.Name, "自治县"):
			unit = "县"
		case strings.HasSuffix(c.Name, "自治旗"):
			unit = "旗"
		}
		stem := strings.TrimSuffix(c.short, "族")
		if unit == "" || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		if _, taken := index[stem+unit]; !taken {
			add(stem+unit, ref{refAlias, int32(i)})
		}
	}
	// Most 区 were a 县 or 县级市 of the same stem before 县改区 (萧山市,
	// 吴江市, 高淳县, 潮安县), and older reports use those names.
	for i := range g.counties {
		c := &g.counties[i]
		if c.kind != kindQu || c.short == "" || c.commonShort {
			continue
		}
		for _, old := range []string{c.short + "县", c.short + "市"} {
			if _, taken := index[old]; !taken {
				add(old, ref{refFormer, int32(i)})
			}
		}
	}
	for i := range g.counties {
		for _, t := range g.counties[i].towns {
			if specificTown(t.name) {
				add(t.name, ref{refTownFull, int32(i)})
			}
		}
	}
	// Township short forms (庵埠 for 庵埠镇) only ever support a candidate,
	// so they may share a string with a county or city name.
	for i := range g.counties {
		for _, t := range g.counties[i].towns {
			if s := townShort(t.name); s != "" {
				add(s, ref{refTownShort, int32(i)})
			}
		}
	}
	for k, words := range selfWords {
		for _, w := range words {
			add(w, ref{refKind, int32(k)})
		}
	}
	for _, w := range partnerWords {
		add(w, ref{refCue, cuePartner})
	}
	for _, w := range aidWords {
		add(w, ref{refCue, cuePartner})
	}
	for _, w := range visitorWords {
		add(w, ref{refCue, cuePartner})
	}
	for _, ws := range [][]string{eventWords, modelWords, benchmarkWords} {
		for _, w := range ws {
			add(w, ref{refCue, cueReference})
		}
	}
	for lv, words := range upperWords {
		for _, w := range words {
			add(w, ref{refUpper, int32(lv)})
		}
	}
	for i, w := range codeKeywords {
		add(w, ref{refCode, int32(i)})
	}
	d := &dictionary{m: newMatcher(patterns), refs: refs,
		tier: make([]int8, len(refs)), special: make([]bool, len(refs))}
	for i, rs := range refs {
		t := -1
		for _, r := range rs {
			if rt := r.typ.tier(); rt >= 0 && (t < 0 || rt < t) {
				t = rt
			}
			if r.typ >= refKind {
				d.special[i] = true
			}
		}
		d.tier[i] = int8(t)
	}
	return d
}
