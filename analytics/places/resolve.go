package places

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
)

// Clues is everything known about one report that may place it.
type Clues struct {
	Title, Body string // normalized simplified text; Body has site furniture removed already
	// Furniture is removed navigation/footer text: weak evidence at most,
	// never enough on its own to pick a place named there.
	Furniture  string
	URL        string // source URL if known
	SiteCode   string // 网站标识码, e.g. "3205060031" → 320506
	SourceName string // 来源 line value, e.g. "无锡市惠山区人民政府"
	Publisher  string // 发布机构/主办单位
	// DistrictHint and DistrictCodeHint come from the caller (JSONL input);
	// a valid code wins outright.
	DistrictHint, DistrictCodeHint string
}

// Resolution is the unit a report was placed in and why.
type Resolution struct {
	Place Place
	// Rule names the strongest clue for Place: hint_code, hint_name,
	// site_code, org_code, index_code, source_name, publisher, title,
	// text_organ, text_full_name, text_short_name, text_alias,
	// text_former_name, text_latin, towns, url_pinyin, url_initials,
	// url_combo.
	Rule     string
	Evidence string // the span of source text (or URL) that clue came from
	Score    float64
}

// Thresholds of the decision. A winner needs minScore of evidence that is
// not furniture, and must beat the runner-up clearly; otherwise Resolve
// declines rather than guess.
const (
	minScore    = 2.5
	minRatio    = 1.25
	minLead     = 0.5
	liveMinimum = 0.5 // non-support evidence a candidate needs to be considered
	hintScore   = 100 // a caller's valid code; finite so that it encodes as JSON
	// minScoreNoSelf applies when the text never refers to its own
	// government (区政府, 县长, 全市 …). Every local meeting report does;
	// a text that does not is probably not one, and the places it names
	// are less likely to be its own.
	minScoreNoSelf = 4.0
)

// Resolve decides which county-level unit a report is about. It returns
// false when nothing credible singles one out.
func Resolve(c Clues) (Resolution, bool) {
	g, err := loadIndexes()
	if err != nil {
		return Resolution{}, false
	}
	if code := strings.TrimSpace(c.DistrictCodeHint); code != "" {
		if i, ok := g.byCode[code]; ok {
			return Resolution{Place: g.counties[i].Place, Rule: "hint_code", Evidence: code, Score: hintScore}, true
		}
	}
	r := resolverPool.Get().(*resolver)
	defer resolverPool.Put(r)
	r.reset(g)
	r.collect(c)
	return r.decide()
}

type evidence struct {
	w    float64
	rule string
	span string
	weak bool // from furniture
	// group > 0 marks evidence that several counties share (an ambiguous
	// name, a URL spelling): its weight w is split among the group's
	// members in proportion to their affinity.
	group int32
	eff   float64 // weight after sharing
	// short2 marks an unqualified two-character short name (惠山, 大安):
	// such names also occur inside words (重大安全), so a candidate with
	// nothing else needs its city or province named somewhere.
	short2 bool
	// former marks a pre-县改区 name (萧山市): the report then calls itself
	// 市 or 县, so the unit-word filter must not demote the 区 it became.
	former bool
	// town is the township's stem (庵埠) for township evidence.
	town    string
	support bool
	// aside marks a name in a partner or reference clause (与…交流合作,
	// 吸取…事故教训): it still counts towards a candidate's total, so that
	// a partner can be a runner-up, but never makes one firm.
	aside bool
	// self marks evidence that names the report's own government rather
	// than mentioning a place: an organ after the name (吉安县委), the
	// title, the 来源 or 发布机构 field, a code, a government host.
	self bool
	// head marks self evidence in the headline or the lead of the body,
	// where a report introduces its own government.
	head bool
}

type candidate struct {
	id    int32
	items []evidence
}

// supportItem strengthens a candidate that other evidence created (a
// township short name shared by dozens of counties) but creates none.
type supportItem struct {
	county int32
	e      evidence
}

// resolver holds one resolution's working state; resolvers are pooled so
// that a scan over millions of reports reuses its buffers.
type resolver struct {
	g         *gazetteer
	cands     []candidate
	candIdx   map[int32]int
	support   []supportItem
	cityScore map[int32]float64
	provScore map[int32]float64
	kindCount [4]float64
	// upperCount counts the words by which the text speaks for a province
	// or the nation (全省, 我国).
	upperCount float64
	raw, sel   []mention
	taken      []bool
	words      []latinWord
	codes      []codeClue
	ranked     []scored
	groups     int32
	groupSum   []float64
	affinity   []float64
	credited   []int32
	stems      []string
}

var resolverPool = sync.Pool{New: func() any {
	return &resolver{
		candIdx:   map[int32]int{},
		cityScore: map[int32]float64{},
		provScore: map[int32]float64{},
	}
}}

func (r *resolver) reset(g *gazetteer) {
	r.g = g
	for i := range r.cands {
		r.cands[i].items = r.cands[i].items[:0]
	}
	r.cands = r.cands[:0]
	clear(r.candIdx)
	r.support = r.support[:0]
	clear(r.cityScore)
	clear(r.provScore)
	r.kindCount = [4]float64{}
	r.upperCount = 0
	r.groups = 0
}

func (r *resolver) newGroup() int32 {
	r.groups++
	return r.groups
}

func (r *resolver) add(county int32, e evidence) {
	i, ok := r.candIdx[county]
	if !ok {
		i = len(r.cands)
		r.candIdx[county] = i
		if i < cap(r.cands) {
			r.cands = r.cands[:i+1]
			r.cands[i].id = county
		} else {
			r.cands = append(r.cands, candidate{id: county})
		}
	}
	r.cands[i].items = append(r.cands[i].items, e)
}

func (r *resolver) collect(c Clues) {
	r.codes = r.codes[:0]
	if cl, ok := siteCodeClue(c.SiteCode); ok {
		r.codes = append(r.codes, cl)
	}
	r.scanZone(c.DistrictHint, zoneHint)
	r.scanZone(c.SourceName, zoneSource)
	r.scanZone(c.Publisher, zonePublisher)
	r.scanZone(c.Title, zoneTitle)
	r.scanZone(c.Body, zoneBody)
	r.scanZone(c.Furniture, zoneFurniture) // also collects written-out codes
	r.addCodes()

	r.scanLatin(c.Title, zoneTitle)
	r.scanLatin(c.Body, zoneBody)
	r.scanURL(c.URL)
}

// dominantKind is the unit word (区, 县 or 旗) the report clearly uses for
// itself, or -1.
func (r *resolver) dominantKind() int {
	best := kindQu
	for k := kindXian; k <= kindQi; k++ {
		if r.kindCount[k] > r.kindCount[best] {
			best = k
		}
	}
	second := 0.0
	for k := kindQu; k <= kindQi; k++ {
		if k != best {
			second = math.Max(second, r.kindCount[k])
		}
	}
	if r.kindCount[best] >= 2 && r.kindCount[best] >= 3*second {
		return best
	}
	return -1
}

// kindMultiplier demotes candidates of another unit kind than the one the
// report uses for itself. County-level cities are demoted less: a 区 report
// may say 全市 of its prefecture, so 市 words do not identify one.
func kindMultiplier(dom, kind int) float64 {
	if dom < 0 || kind == dom {
		return 1
	}
	switch kind {
	case kindQu, kindXian, kindQi:
		return 0.25
	case kindShi:
		return 0.5
	}
	return 1
}

// scored is a candidate's final standing.
type scored struct {
	id    int32
	total float64
	firm  float64 // total without furniture and partner or reference clauses
	best  evidence
}

// rank scores every live candidate, best first.
func (r *resolver) rank() []scored {
	dom := r.dominantKind()
	r.shareGroups(dom)
	for _, s := range r.support {
		if i, ok := r.candIdx[s.county]; ok {
			e := s.e
			e.eff, e.support = e.w, true
			r.cands[i].items = append(r.cands[i].items, e)
		}
	}
	r.support = r.support[:0]
	r.ranked = r.ranked[:0]
	for ci := range r.cands {
		c := &r.cands[ci]
		if len(c.items) == 0 {
			continue
		}
		r.dropRepeatedSupport(c.items)
		// Repeated evidence counts with diminishing returns: the i-th
		// strongest item weighs 1/(1+i/2).
		slices.SortStableFunc(c.items, func(a, b evidence) int { return cmp.Compare(b.eff, a.eff) })
		total, firm := 0.0, 0.0
		for i, e := range c.items {
			w := e.eff / (1 + 0.5*float64(i))
			total += w
			if !e.weak && !e.aside {
				firm += w
			}
		}
		if firm < liveMinimum {
			continue
		}
		county := &r.g.counties[c.id]
		boost := 0.0
		if county.city >= 0 {
			boost += 0.8 * math.Min(r.cityScore[county.city], 2.5)
		}
		boost += 0.3 * math.Min(r.provScore[county.prov], 2)
		if boost == 0 && (onlyShort2(c.items) || r.lonelyTown(c.items)) {
			total *= uncorroborated
			firm *= uncorroborated
		}
		total += boost
		firm += boost
		if mult := kindMultiplier(dom, county.kind); mult != 1 && !hasFormer(c.items) {
			total *= mult
			firm *= mult
		}
		r.ranked = append(r.ranked, scored{id: c.id, total: total, firm: firm, best: c.items[0]})
	}
	slices.SortFunc(r.ranked, func(a, b scored) int {
		if c := cmp.Compare(b.total, a.total); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return r.ranked
}

// uncorroborated scales a candidate whose city and province the report
// never names and whose only evidence is two-character short names, or a
// single township (十字街道 is also just a crossroads).
const uncorroborated = 0.4

// dropRepeatedSupport zeroes support that repeats a township already
// counted for the candidate: 将军 after 将军镇 is the same township.
func (r *resolver) dropRepeatedSupport(items []evidence) {
	r.stems = r.stems[:0]
	for _, e := range items {
		if e.town != "" && !e.support && !slices.Contains(r.stems, e.town) {
			r.stems = append(r.stems, e.town)
		}
	}
	for k := range items {
		e := &items[k]
		if !e.support {
			continue
		}
		if slices.Contains(r.stems, e.town) {
			e.eff = 0
			continue
		}
		r.stems = append(r.stems, e.town)
	}
}

// lonelyTown reports whether a candidate rests on townships alone and on
// only one of them (after dropRepeatedSupport, r.stems lists them).
func (r *resolver) lonelyTown(items []evidence) bool {
	for _, e := range items {
		if !e.weak && !e.support && e.rule != "towns" {
			return false
		}
	}
	return len(r.stems) < 2
}

func hasFormer(items []evidence) bool {
	for _, e := range items {
		if e.former && !e.weak {
			return true
		}
	}
	return false
}

func onlyShort2(items []evidence) bool {
	any := false
	for _, e := range items {
		switch {
		case e.short2:
			any = true
		case e.rule == "towns" || e.weak:
			// support and furniture neither corroborate nor contradict
		default:
			return false
		}
	}
	return any
}

// shareGroups splits each shared piece of evidence among its counties by
// affinity: the city and province the report names, the unit word it uses
// for itself, and the county's own unshared evidence. 通州区 goes to 南通's
// when the report names 南通市; ncx.gov.cn to 南昌县 when it names Nanchang;
// without any such hint the members tie and Resolve declines.
func (r *resolver) shareGroups(dom int) {
	r.groupSum = slices.Grow(r.groupSum[:0], int(r.groups)+1)[:r.groups+1]
	clear(r.groupSum)
	r.affinity = slices.Grow(r.affinity[:0], len(r.cands))[:len(r.cands)]
	for ci := range r.cands {
		c := &r.cands[ci]
		county := &r.g.counties[c.id]
		own := 0.0
		for _, e := range c.items {
			if e.group == 0 && !e.weak {
				own += e.w
			}
		}
		a := 0.2 + 0.3*math.Min(own, 5) + 0.5*math.Min(r.provScore[county.prov], 2)
		if county.city >= 0 {
			a += math.Min(r.cityScore[county.city], 3)
		}
		a *= kindMultiplier(dom, county.kind)
		r.affinity[ci] = a
		for _, e := range c.items {
			if e.group > 0 {
				r.groupSum[e.group] += a
			}
		}
	}
	for ci := range r.cands {
		items := r.cands[ci].items
		for k := range items {
			items[k].eff = items[k].w
			if g := items[k].group; g > 0 && r.groupSum[g] > 0 {
				items[k].eff = items[k].w * r.affinity[ci] / r.groupSum[g]
			}
		}
	}
}

// Upper-level texts. A text that speaks for a province or the nation (全省,
// 我国 …) at least minUpper times and upperRatio times as often as for any
// county-level unit is not a county's report — a Government Work Report
// names dozens of counties in passing — and only the caller's hint, or the
// county's own organ named in the headline or lead, places it.
const (
	minUpper   = 3
	upperRatio = 2
)

// countyLevel reports whether the text is a county-level unit's own, so
// that the winner may be its place. Besides upper-level texts it rejects
// prefecture-level ones: a text that speaks for a 市 (市委, 全市) far more
// than for a 区, 县 or 旗 is a city's report, or a county-level city's.
// There a county-level city counts only with evidence that it is the
// report's own (海城市政府召开…), and a 区, 县 or 旗 only with its organ in
// the lead or evidence from outside the running text — title, 来源, code,
// government host — since a city's report names its districts' organs too
// (会议还听取了梁溪区政府的汇报). A city's meeting is not given its seat
// district: research counts district meetings, and the seat's would be
// inflated.
func (r *resolver) countyLevel(top scored) bool {
	if strings.HasPrefix(top.best.rule, "hint_") {
		return true
	}
	own := r.kindCount[kindQu] + r.kindCount[kindXian] + r.kindCount[kindQi]
	shi := r.kindCount[kindShi]
	if r.upperCount >= minUpper && r.upperCount >= upperRatio*(own+shi) {
		// A county report that relays a provincial meeting at length
		// still names itself in its headline or lead (XX县召开县委常委会).
		return r.hasHeadSelf(top)
	}
	if shi < 2 || shi < 3*own {
		return true
	}
	countyCity := r.g.counties[top.id].kind == kindShi
	for _, e := range r.cands[r.candIdx[top.id]].items {
		if e.self && !e.aside && (countyCity || e.head || e.rule != "text_organ") {
			return true
		}
	}
	return false
}

func (r *resolver) hasHeadSelf(top scored) bool {
	for _, e := range r.cands[r.candIdx[top.id]].items {
		if e.head && !e.aside {
			return true
		}
	}
	return false
}

// headConflict reports whether the headline names another unit than the
// winner, which the headline does not name: a page whose headline says
// 惠山区政府召开… but whose bulk is about 滨湖区 is not safely either's. A
// name the headline shares among namesakes (通州区) is no conflict.
func (r *resolver) headConflict(top scored) bool {
	titled := func(id int32, shared bool) bool {
		for _, e := range r.cands[r.candIdx[id]].items {
			if e.self && !e.aside && e.rule == zoneTitle.rule && (shared || e.group == 0) {
				return true
			}
		}
		return false
	}
	if titled(top.id, true) {
		return false
	}
	for _, s := range r.ranked[1:] {
		if titled(s.id, false) {
			return true
		}
	}
	return false
}

func (r *resolver) decide() (Resolution, bool) {
	ranked := r.rank()
	if len(ranked) == 0 {
		return Resolution{}, false
	}
	top := ranked[0]
	need := minScore
	if r.kindCount == [4]float64{} {
		need = minScoreNoSelf
	}
	if top.firm < need || top.best.weak {
		return Resolution{}, false
	}
	if !r.countyLevel(top) || r.headConflict(top) {
		return Resolution{}, false
	}
	if len(ranked) > 1 {
		second := ranked[1].total
		if top.total < minRatio*second || top.total-second < minLead {
			return Resolution{}, false
		}
	}
	return Resolution{
		Place:    r.g.counties[top.id].Place,
		Rule:     top.best.rule,
		Evidence: top.best.span,
		Score:    math.Round(top.total*100) / 100,
	}, true
}
