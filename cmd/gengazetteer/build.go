package main

import (
	"sort"
	"strings"
	"unicode/utf8"
)

type province struct {
	code, name, short string
	py, ini           []string
}

type city struct {
	code, province, name, short string
	py, ini                     []string
}

type town struct{ code, name string }

type county struct {
	code, name, city, kind, short string
	// flags: c = short form is an everyday word, x = short form is also a
	// city or province name (so it is left to them), g = full name is an
	// everyday phrase (城区, 新城区), s = full name has a one-character stem
	// (洋县, 高县) and so hides inside phrases (提高县域).
	flags             string
	pyShort, pyFull   []string
	iniShort, iniFull []string
	aliases           []string
	towns             []town
}

type gazetteer struct {
	provinces []province
	cities    []city
	counties  []county
}

func (g gazetteer) townCount() int {
	n := 0
	for _, c := range g.counties {
		n += len(c.towns)
	}
	return n
}

// municipalities are the 直辖市 whose cities.csv rows are the pseudo-cities
// 市辖区 and 县; a report calls their city by the municipality's name.
var municipalities = map[string]bool{"11": true, "12": true, "31": true, "50": true}

func build(src division, words wordList) gazetteer {
	var g gazetteer
	provName := map[string]string{}
	provShortOf := map[string]string{}
	for _, r := range src.provinces {
		p := province{code: r[0], name: r[1], short: provinceShort(r[1])}
		p.py, p.ini = spellings(p.short)
		provName[p.code], provShortOf[p.code] = p.name, p.short
		g.provinces = append(g.provinces, p)
	}

	// Short names that belong to a city or province: a county whose short
	// form equals one (吉安县 → 吉安, 河北区 → 河北) must not claim it.
	taken := map[string]bool{}
	for _, p := range g.provinces {
		taken[p.short] = true
	}
	cityShortOf := map[string]string{}
	for _, r := range src.cities {
		code, name, prov := r[0], r[1], r[2]
		switch {
		case municipalities[prov]:
			name = provName[prov]
		case strings.Contains(name, "直辖"):
			continue // 省直辖县级行政区划: each unit is its own city
		}
		c := city{code: code, province: prov, name: name, short: cityShort(name)}
		c.py, c.ini = spellings(c.short)
		cityShortOf[code] = c.short
		taken[c.short] = true
		g.cities = append(g.cities, c)
	}

	townsOf := map[string][]town{}
	for _, r := range src.streets {
		townsOf[r[2]] = append(townsOf[r[2]], town{code: r[0][6:], name: r[1]})
	}

	for _, r := range src.areas {
		code, name, cityCode := r[0], r[1], r[2]
		c := county{code: code, name: name, city: cityCode}
		c.kind = countyKind(code, name)
		c.short = countyShort(code, name)
		var flags []string
		if c.short != "" {
			if taken[c.short] {
				flags = append(flags, "x")
			} else if words.isCommonShort(c.short) {
				flags = append(flags, "c")
			}
		}
		switch {
		case genericFullNames[name]:
			flags = append(flags, "g")
		case utf8.RuneCountInString(name) <= 2:
			flags = append(flags, "s")
		}
		c.flags = strings.Join(flags, "")
		if c.short != "" {
			c.pyShort, c.iniShort = spellings(c.short)
		}
		c.pyFull, c.iniFull = spellings(name)
		if isZone(code) {
			c.aliases = zoneAliases(name, provShortOf[r[3]], []string{cityShortOf[cityCode]})
		}
		c.towns = townsOf[code]
		sort.Slice(c.towns, func(i, j int) bool { return c.towns[i].code < c.towns[j].code })
		g.counties = append(g.counties, c)
	}
	sort.Slice(g.provinces, func(i, j int) bool { return g.provinces[i].code < g.provinces[j].code })
	sort.Slice(g.cities, func(i, j int) bool { return g.cities[i].code < g.cities[j].code })
	sort.Slice(g.counties, func(i, j int) bool { return g.counties[i].code < g.counties[j].code })
	return g
}
