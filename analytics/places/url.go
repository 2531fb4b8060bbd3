package places

import (
	"net/url"
	"slices"
	"strings"
)

// Government sites spell their host from the place name: the full pinyin
// (huancui.gov.cn 环翠区, yangxian.gov.cn 洋县), the initials (klq.gov.cn
// 喀喇沁旗, wbq.gov.cn 卫滨区), or city/province initials followed by the
// county's (tzhl 泰州海陵, shyp 上海杨浦, yncxym 云南楚雄元谋). A sub-site may
// hang under its city's host (hs.wuxi.gov.cn).
type urlScheme uint8

const (
	schemeSpell    urlScheme = iota // full pinyin of the name
	schemeInitials                  // initials of the name
	schemeCombo                     // city/province prefix + county
)

type urlHit struct {
	county int32
	scheme urlScheme
}

type urlIndex struct {
	labels    map[string][]urlHit
	cityPy    map[string][]int32 // full pinyin of city short names
	iniShort  map[string][]int32 // county short-name initials, for prefixed labels
	syllables map[string]int     // syllable count of each spelling, for weighting
}

func buildURLIndex(g *gazetteer) *urlIndex {
	x := &urlIndex{
		labels:    map[string][]urlHit{},
		cityPy:    map[string][]int32{},
		iniShort:  map[string][]int32{},
		syllables: map[string]int{},
	}
	add := func(label string, h urlHit) {
		if len(label) < 3 {
			return
		}
		for _, old := range x.labels[label] {
			if old.county == h.county {
				return
			}
		}
		x.labels[label] = append(x.labels[label], h)
	}
	for i, c := range g.cities {
		for _, py := range c.py {
			if len(py) >= 4 {
				x.cityPy[py] = append(x.cityPy[py], int32(i))
			}
		}
	}
	for i := range g.counties {
		c := &g.counties[i]
		id := int32(i)
		n := len([]rune(c.short))
		for _, py := range c.pyShort {
			add(py, urlHit{id, schemeSpell})
			x.syllables[py] = n
		}
		for _, py := range c.pyFull {
			add(py, urlHit{id, schemeSpell})
			x.syllables[py] = len([]rune(c.Name))
		}
		for _, in := range c.iniFull {
			add(in, urlHit{id, schemeInitials})
		}
		for _, in := range c.iniShort {
			add(in, urlHit{id, schemeInitials})
			x.iniShort[in] = appendUnique(x.iniShort[in], id)
		}
		own := c.iniShort
		if len(own) == 0 {
			own = c.iniFull
		}
		var prefixes []string
		if c.city >= 0 {
			city := g.cities[c.city]
			prefixes = append(prefixes, city.ini...)
			for _, pi := range g.provinces[c.prov].ini {
				for _, ci := range city.ini {
					prefixes = append(prefixes, pi+ci)
				}
			}
			for _, cp := range city.py {
				for _, py := range c.pyShort {
					add(cp+py, urlHit{id, schemeCombo})
				}
			}
		}
		prefixes = append(prefixes, g.provinces[c.prov].ini...)
		for _, p := range prefixes {
			for _, in := range own {
				if len(p)+len(in) >= 4 {
					add(p+in, urlHit{id, schemeCombo})
				}
			}
		}
	}
	return x
}

func appendUnique(s []int32, v int32) []int32 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// stopLabels are host labels that say what a site is, not where.
var stopLabels = map[string]bool{
	"www": true, "wap": true, "app": true, "apps": true, "mobile": true,
	"news": true, "file": true, "files": true, "web": true, "zwgk": true,
	"xxgk": true, "info": true, "english": true, "yinwen": true,
	"bbs": true, "mail": true, "img": true, "image": true, "images": true,
	"static": true, "cdn": true, "api": true, "data": true, "open": true,
	"search": true, "home": true, "portal": true, "service": true,
	"zwfw": true, "gov": true, "www2": true, "times": true, "epaper": true,
}

var genericTLD = map[string]bool{
	"com": true, "net": true, "org": true, "gov": true, "edu": true, "ac": true,
	"cn": true, "info": true, "cc": true, "tv": true, "top": true, "xyz": true,
	"site": true, "online": true, "vip": true, "ltd": true, "wang": true,
	"ren": true, "club": true, "biz": true, "mobi": true, "asia": true,
}

// parsedURL is a source URL cut into the pieces places matches.
type parsedURL struct {
	gov        bool     // host under .gov.cn: the site is the government's own
	labels     []string // host labels without public suffix, left to right, letters only
	pathTokens []string // alphabetic path segments of six letters or more
}

func parseSourceURL(raw string) (parsedURL, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return parsedURL{}, false
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return parsedURL{}, false
	}
	host := strings.ToLower(u.Hostname())
	var p parsedURL
	p.gov = strings.HasSuffix(host, ".gov.cn")
	parts := strings.Split(host, ".")
	for len(parts) > 1 && genericTLD[parts[len(parts)-1]] {
		parts = parts[:len(parts)-1]
	}
	for _, part := range parts {
		for _, tok := range letterRuns(part) {
			if len(tok) >= 2 && !stopLabels[tok] {
				p.labels = append(p.labels, tok)
			}
		}
	}
	for _, tok := range letterRuns(strings.ToLower(u.Path)) {
		if len(tok) >= 6 {
			p.pathTokens = append(p.pathTokens, tok)
		}
	}
	return p, true
}

// letterRuns splits s into maximal runs of ASCII letters (file2019 → file).
func letterRuns(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		isLetter := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
		if isLetter && start < 0 {
			start = i
		}
		if !isLetter && start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

func (r *resolver) scanURL(raw string) {
	p, ok := parseSourceURL(raw)
	if !ok {
		return
	}
	x := r.g.urls
	var matchedBuf [8]bool
	matched := matchedBuf[:0]
	for _, label := range p.labels {
		hits := x.labels[label]
		matched = append(matched, len(hits) > 0)
		if len(hits) == 0 {
			for _, ci := range x.cityPy[label] {
				if p.gov {
					r.cityScore[ci] += 1.5
				} else {
					r.cityScore[ci] += 0.3
				}
			}
			continue
		}
		// Several counties share a spelling (ncx: 南昌县, 南城县, 宁城县):
		// they share the evidence and the text decides.
		var group int32
		if len(hits) > 1 {
			group = r.newGroup()
		}
		for _, h := range hits {
			w, rule := urlWeight(p.gov, h.scheme, x.syllables[label])
			r.add(h.county, evidence{w: w, rule: rule, span: raw, group: group, self: p.gov})
		}
	}
	// A sub-site under its city's host: hs.wuxi.gov.cn.
	for li := 0; li+1 < len(p.labels); li++ {
		for _, ci := range x.cityPy[p.labels[li+1]] {
			for _, id := range r.g.cityCounties[ci] {
				c := &r.g.counties[id]
				l := p.labels[li]
				if slices.Contains(c.pyShort, l) || slices.Contains(c.iniShort, l) || slices.Contains(c.iniFull, l) {
					w, rule := urlWeight(p.gov, schemeCombo, 0)
					r.add(id, evidence{w: w, rule: rule, span: raw, self: p.gov})
					matched[li] = true
				}
			}
		}
	}
	for _, tok := range p.pathTokens {
		group := r.newGroup()
		for _, h := range x.labels[tok] {
			if h.scheme == schemeSpell {
				r.add(h.county, evidence{w: wPathSpell, rule: "url_pinyin", span: raw, group: group})
			}
		}
	}
	// A label that starts with a county's initials (wjyanghu: 武进 + 阳湖)
	// is too weak alone; it counts when the text names that county's city
	// and exactly one county of that city fits.
	for li, label := range p.labels {
		if matched[li] {
			continue
		}
		for n := 3; n >= 2; n-- {
			if len(label) < n+2 {
				continue
			}
			fit, count := int32(-1), 0
			for _, id := range x.iniShort[label[:n]] {
				if c := &r.g.counties[id]; c.city >= 0 && r.cityScore[c.city] >= 0.5 {
					fit, count = id, count+1
				}
			}
			if count == 1 {
				w := wPrefixOther
				if p.gov {
					w = wPrefixGov
				}
				r.add(fit, evidence{w: w, rule: "url_initials", span: raw, self: p.gov})
				break
			}
		}
	}
}

// URL evidence weights. A government host names its own unit; any other
// host (news portals, aggregators, spam mirrors on a 'xianyang' subdomain)
// is weak, and longer spellings are less likely to match by accident.
const (
	wGovSpell      = 6.0
	wGovInitials   = 5.0
	wGovCombo      = 6.0
	wOtherSpell3   = 2.5 // three syllables or more: jiulongpo
	wOtherSpell    = 1.5
	wOtherInitials = 0.8
	wOtherCombo    = 1.2
	wPathSpell     = 1.0 // /fuyuxian/ in a path
	wPrefixGov     = 2.5
	wPrefixOther   = 1.2
)

func urlWeight(gov bool, s urlScheme, syllables int) (float64, string) {
	switch s {
	case schemeSpell:
		switch {
		case gov:
			return wGovSpell, "url_pinyin"
		case syllables >= 3:
			return wOtherSpell3, "url_pinyin"
		}
		return wOtherSpell, "url_pinyin"
	case schemeInitials:
		if gov {
			return wGovInitials, "url_initials"
		}
		return wOtherInitials, "url_initials"
	}
	if gov {
		return wGovCombo, "url_combo"
	}
	return wOtherCombo, "url_combo"
}
