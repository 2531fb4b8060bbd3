package places

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// zone is where a piece of text came from; it sets how much a name found
// there counts.
type zone struct {
	factor float64
	rule   string // rule name for county names found here; "" = by mention type
	weak   bool   // furniture: never decisive
	named  bool   // the field names an organisation, so generic names count in full
	body   bool   // running text: lead position and partner clauses matter
}

var (
	zoneTitle     = zone{factor: 2.5, rule: "title"}
	zoneBody      = zone{factor: 1, body: true}
	zoneFurniture = zone{factor: 0.1, rule: "furniture", weak: true}
	zoneSource    = zone{factor: 3, rule: "source_name", named: true}
	zonePublisher = zone{factor: 2.5, rule: "publisher", named: true}
	zoneHint      = zone{factor: 4, rule: "hint_name", named: true}
)

// Mentions in a report's lead (its first ~250 characters: dateline, chair,
// meeting name) count more than those deep in the text. Past decayBytes
// (~3000 characters, longer than almost every meeting report) a mention's
// weight falls in proportion to its distance from the start: a long text —
// a work report, a page of several articles — names many places in passing,
// and one mention deep in 20 000 characters says nothing about where the
// text comes from.
const (
	leadBytes  = 250 * 3
	leadFactor = 1.6
	decayBytes = 3000 * 3
)

// positionFactor is the weight of a body mention starting at byte start.
func positionFactor(start int) float64 {
	switch {
	case start < leadBytes:
		return leadFactor
	case start > decayBytes:
		return float64(decayBytes) / float64(start)
	}
	return 1
}

type mention struct {
	start, end int
	pat        int32
}

// scanZone finds every name in text and turns each into evidence.
func (r *resolver) scanZone(text string, z zone) {
	if strings.TrimSpace(text) == "" {
		return
	}
	d := r.g.dict
	r.raw = r.raw[:0]
	var cues [2]bool
	d.m.scan(text, func(start, end int, pat int32) {
		if d.tier[pat] >= 0 {
			r.raw = append(r.raw, mention{start, end, pat})
		}
		if !d.special[pat] {
			return
		}
		for _, rf := range d.refs[pat] {
			switch rf.typ {
			case refKind:
				// 区人民政府 inside 自治区人民政府 is the region's
				if !z.weak && !(rf.id == kindQu && strings.HasSuffix(text[:start], "自治")) {
					r.kindCount[rf.id]++
				}
			case refCue:
				cues[rf.id] = true
			case refCode:
				r.codes = codeClueAt(codeKeywords[rf.id], text[end:], r.codes)
			case refUpper:
				if !z.weak {
					r.upperCount++
				}
			}
		}
	})
	r.selectMentions(text)
	cues[cuePartner] = cues[cuePartner] && z.body
	cues[cueReference] = cues[cueReference] && z.body
	for i := range r.sel {
		r.evaluate(text, i, z, cues)
	}
}

// selectMentions keeps non-overlapping mentions, strongest tier first and
// leftmost-longest within a tier, then orders them by position. Tiers keep
// a weak reading from splitting a strong one: 无锡市惠山区 reads as 无锡市 +
// 惠山区 even if a township's short name straddles the boundary.
func (r *resolver) selectMentions(text string) {
	d := r.g.dict
	if cap(r.taken) < len(text) {
		r.taken = make([]bool, len(text))
	}
	taken := r.taken[:len(text)]
	clear(taken)
	slices.SortFunc(r.raw, func(a, b mention) int {
		if ta, tb := d.tier[a.pat], d.tier[b.pat]; ta != tb {
			return int(ta) - int(tb)
		}
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	r.sel = r.sel[:0]
outer:
	for _, m := range r.raw {
		for k := m.start; k < m.end; k++ {
			if taken[k] {
				continue outer
			}
		}
		for k := m.start; k < m.end; k++ {
			taken[k] = true
		}
		r.sel = append(r.sel, m)
	}
	slices.SortFunc(r.sel, func(a, b mention) int { return a.start - b.start })
}

// qualifier is the city and province named immediately before a mention
// (无锡市|滨湖区, 江苏省|无锡市|滨湖区).
type qualifier struct {
	cities, provs [4]int32
	nc, np        int
	start         int
}

func (q *qualifier) ok() bool { return q.nc+q.np > 0 }

func (r *resolver) qualifierOf(i int) qualifier {
	q := qualifier{start: r.sel[i].start}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if r.sel[j].end != q.start {
			break
		}
		found := false
		for _, rf := range r.g.dict.refs[r.sel[j].pat] {
			switch rf.typ {
			case refCityFull, refCityShort:
				if q.nc < len(q.cities) {
					q.cities[q.nc] = rf.id
					q.nc++
				}
				found = true
			case refProvFull, refProvShort:
				if q.np < len(q.provs) {
					q.provs[q.np] = rf.id
					q.np++
				}
				found = true
			}
		}
		if !found {
			break
		}
		q.start = r.sel[j].start
	}
	return q
}

func (q *qualifier) contains(c *county) bool {
	for _, ci := range q.cities[:q.nc] {
		if c.city == ci {
			return true
		}
	}
	for _, p := range q.provs[:q.np] {
		if c.prov == p {
			return true
		}
	}
	return false
}

func isCountyRef(t refType) bool {
	switch t {
	case refCountyFull, refCountyShort, refAlias, refFormer, refTownFull, refTownShort:
		return true
	}
	return false
}

// Base weights of a county-level mention before context.
const (
	wFullName      = 3.0
	wGenericName   = 0.3 // 城区, 洋县 without a city or organ next to it
	wShortLong     = 2.0 // short forms of three characters or more: 九龙坡
	wShortTwo      = 1.5 // two-character short forms: 惠山
	wCommonShort   = 0.2 // short forms that are everyday words: 平安, 前进
	wTownFull      = 2.5 // shared among the counties with that township
	wTownShort     = 0.6 // support, divided by √(counties sharing it)
	organBonus     = 2.0
	qualifiedBonus = 1.3
	listPenalty    = 0.5
	partnerPenalty = 0.2
	landmarkFactor = 0.3
	personFactor   = 0.2 // 龚建阳: a surname before a two-character short name
	cityShortShare = 0.7 // a city's short name counts this much of its full name
)

func (r *resolver) evaluate(text string, i int, z zone, cues [2]bool) {
	m := r.sel[i]
	refs := r.g.dict.refs[m.pat]
	pos := z.factor
	if z.body {
		pos *= positionFactor(m.start)
	}
	// Most mentions are township short names that can only support; they
	// skip the context analysis.
	supportOnly := true
	for _, rf := range refs {
		if rf.typ != refTownShort {
			supportOnly = false
			break
		}
	}
	if supportOnly {
		if !z.weak {
			w := pos * wTownShort / math.Sqrt(float64(len(refs)))
			name := text[m.start:m.end]
			for _, rf := range refs {
				r.support = append(r.support, supportItem{rf.id, evidence{w: w, rule: "towns", span: name, town: name}})
			}
		}
		return
	}
	// A township in an accident clause is more likely the report's own
	// (吸取“12·16”庵埠镇火灾事故教训) than a county is: other counties'
	// accidents are reported by county and city, so references demote
	// county, city and province names only.
	partner := cues[cuePartner] && partnerClause(text, m.start, m.end)
	reference := !partner && cues[cueReference] && referenceContext(text, m.start, m.end)
	if partner {
		pos *= partnerPenalty
	}
	townPos := pos
	if reference {
		pos *= partnerPenalty
	}
	listed := inList(text, m.start, m.end)

	// City and province names support the counties inside them.
	for _, rf := range refs {
		w := pos
		if listed {
			w *= listPenalty
		}
		switch rf.typ {
		case refCityFull:
			r.cityScore[rf.id] += w
		case refCityShort:
			r.cityScore[rf.id] += cityShortShare * w
		case refProvFull:
			r.provScore[rf.id] += w
		case refProvShort:
			r.provScore[rf.id] += cityShortShare * w
		}
	}

	// A qualifying city restricts every county reading to those inside it,
	// when any fits; otherwise the adjacency is a coincidence.
	q := r.qualifierOf(i)
	if q.ok() {
		fits := false
		for _, rf := range refs {
			if isCountyRef(rf.typ) && q.contains(&r.g.counties[rf.id]) {
				fits = true
				break
			}
		}
		if !fits {
			q = qualifier{start: m.start}
		}
	}
	qualified := q.ok()
	span := text[q.start:m.end]

	organ := organAfter(text, m.end)
	landmark := landmarkAfter(text, m.end)
	runes := utf8.RuneCountInString(text[m.start:m.end])
	// A name shared by several counties (通州区, 凤凰镇) is one piece of
	// evidence: its members share it according to the rest of the report.
	names, towns, townShorts := 0, 0, 0
	for _, rf := range refs {
		if !isCountyRef(rf.typ) || qualified && !q.contains(&r.g.counties[rf.id]) {
			continue
		}
		switch rf.typ {
		case refTownFull:
			towns++
		case refTownShort:
			townShorts++
		default:
			names++
		}
	}
	// The more counties share a name, the less it says: the group's total
	// weight falls with √n.
	var nameGroup, townGroup int32
	nameShare, townShare := 1.0, 1.0
	if names > 1 {
		nameGroup, nameShare = r.newGroup(), 1/math.Sqrt(float64(names))
	}
	if towns > 1 {
		townGroup, townShare = r.newGroup(), 1/math.Sqrt(float64(towns))
	}
	short2 := runes == 2
	person := short2 && personNameAt(text, m.start, m.end)
	townStem := townShort(text[m.start:m.end])
	if townStem == "" {
		townStem = text[m.start:m.end]
	}
	// One mention credits a county once: 黄埔 is 黄埔区's short name and
	// 黄埔街道's, not two clues.
	r.credited = r.credited[:0]

	for _, rf := range refs {
		if !isCountyRef(rf.typ) {
			continue
		}
		c := &r.g.counties[rf.id]
		if qualified && !q.contains(c) {
			continue
		}
		var w float64
		rule := z.rule
		group, share := nameGroup, nameShare
		isShort2 := false
		switch rf.typ {
		case refCountyFull, refAlias, refFormer:
			if strings.HasSuffix(c.Name, "区") && regionAfter(text, m.end) {
				continue
			}
			w = wFullName
			vouched := qualified || organ || z.named
			if rf.typ == refCountyFull && c.genericFull && !vouched {
				w = wGenericName
			}
			// 洋县 stands alone after punctuation (《洋县…》); 提高县域 and
			// 健康县城 are phrases. So do names ending in the word 城市
			// (海城市, 兴城市, the former 上城市): 沿海城市, 新兴城市 and 以上城市
			// are phrases too.
			phrase := rf.typ == refCountyFull && c.stemFull || strings.HasSuffix(text[m.start:m.end], "城市")
			if phrase && !vouched && !(boundaryBefore(text, m.start) && !glueAfter(text, m.end)) {
				w = wGenericName
			}
			if rule == "" {
				rule = "text_full_name"
				switch rf.typ {
				case refAlias:
					rule = "text_alias"
				case refFormer:
					rule = "text_former_name"
				}
			}
		case refCountyShort:
			w = wShortTwo
			if runes >= 3 {
				w = wShortLong
			}
			// Even a 来源 line may say 新华网: an everyday-word short name
			// needs its city before it.
			if c.commonShort && !qualified {
				w = wCommonShort
			}
			if landmark {
				w *= landmarkFactor
			}
			if person {
				w *= personFactor
			}
			isShort2 = short2
			if rule == "" {
				rule = "text_short_name"
			}
		case refTownFull:
			w, rule, group, share = wTownFull, "towns", townGroup, townShare
		case refTownShort:
			if !z.weak && !slices.Contains(r.credited, rf.id) {
				w = wTownShort / math.Sqrt(float64(townShorts))
				r.support = append(r.support, supportItem{rf.id, evidence{w: w * townPos, rule: "towns", span: span, town: townStem}})
			}
			continue
		}
		isTown := rf.typ == refTownFull
		if organ && !isTown {
			w *= organBonus
			if z.body {
				rule = "text_organ"
			}
		}
		if qualified {
			w *= qualifiedBonus
		}
		if listed && !isTown {
			w *= listPenalty
		}
		at := pos
		if isTown {
			at = townPos
		}
		e := evidence{w: w * at * share, rule: rule, span: span, weak: z.weak, group: group,
			short2: isShort2 && !qualified, former: rf.typ == refFormer,
			self:  !isTown && !z.weak && !partner && !reference && (organ || z.named || z == zoneTitle),
			aside: !isTown && (partner || reference)}
		e.head = e.self && (z == zoneTitle || z.body && m.start < leadBytes && organ)
		if isTown {
			e.town = townStem
		}
		r.add(rf.id, e)
		r.credited = append(r.credited, rf.id)
	}
}
