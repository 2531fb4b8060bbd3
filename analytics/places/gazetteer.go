package places

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"sort"
	"strings"
	"sync"

	"agendascope/data"
)

// Place is a county-level unit with the city and province it belongs to.
// For the 直辖市 the city is the municipality itself (北京市); for units
// directly under a province (省直辖县级行政区划, e.g. 仙桃市) City is the
// unit's own name while CityCode keeps NBS's four-digit code (4290).
type Place struct {
	Code, Name, City, CityCode, Province, ProvinceCode string
}

// unit kinds, as a report refers to its own government (区政府, 县长, 旗委…).
const (
	kindQu = iota
	kindXian
	kindQi
	kindShi
	kindZone  // NBS functional zone (开发区 …): no self-reference word
	kindOther // 群岛, 行政委员会 …
)

type county struct {
	Place
	kind              int
	short             string
	commonShort       bool // short form is an everyday word (平安, 前进)
	genericFull       bool // full name is an everyday phrase (城区, 新城区)
	stemFull          bool // full name has a one-character stem (洋县), hides in 提高县域
	city, prov        int32
	pyShort, pyFull   []string
	iniShort, iniFull []string
	aliases           []string
	towns             []town
}

type town struct{ code, name string }

type region struct {
	code, name, short string
	py, ini           []string
	prov              int32 // for cities: index of their province
}

type gazetteer struct {
	counties  []county // sorted by code
	cities    []region // sorted by code
	provinces []region // sorted by code
	byCode    map[string]int32
	cityIdx   map[string]int32
	provIdx   map[string]int32
	// Built by loadIndexes.
	cityCounties [][]int32
	dict         *dictionary
	urls         *urlIndex
	latin        *latinIndex
}

var (
	loadOnce, indexOnce sync.Once
	gaz                 *gazetteer
	loadErr             error
)

// load parses the embedded gazetteer on first use. The data is generated and
// embedded at build time, so a parse error is a build defect; it is reported
// once and every lookup then fails closed.
func load() (*gazetteer, error) {
	loadOnce.Do(func() {
		gaz, loadErr = parseGazetteer(data.Gazetteer)
	})
	return gaz, loadErr
}

// loadIndexes adds what only Resolve needs — the name automaton and the
// pinyin indexes, ~100 ms of work — so code lookups stay cheap.
func loadIndexes() (*gazetteer, error) {
	g, err := load()
	if err != nil {
		return nil, err
	}
	indexOnce.Do(func() {
		g.cityCounties = make([][]int32, len(g.cities))
		for i, c := range g.counties {
			if c.city >= 0 {
				g.cityCounties[c.city] = append(g.cityCounties[c.city], int32(i))
			}
		}
		g.dict = buildDictionary(g)
		g.urls = buildURLIndex(g)
		g.latin = buildLatinIndex(g)
	})
	return g, nil
}

func parseGazetteer(gz []byte) (*gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("opening embedded gazetteer: %w", err)
	}
	defer zr.Close()
	g := &gazetteer{
		byCode:  make(map[string]int32, 3000),
		cityIdx: make(map[string]int32, 400),
		provIdx: make(map[string]int32, 40),
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if err := g.addRecord(f); err != nil {
			return nil, fmt.Errorf("parsing gazetteer line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading embedded gazetteer: %w", err)
	}
	if len(g.counties) == 0 {
		return nil, fmt.Errorf("parsing gazetteer: no county-level records")
	}
	sort.Slice(g.counties, func(i, j int) bool { return g.counties[i].Code < g.counties[j].Code })
	for i, c := range g.counties {
		g.byCode[c.Code] = int32(i)
	}
	return g, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func (g *gazetteer) addRecord(f []string) error {
	switch f[0] {
	case "P":
		if len(f) != 6 {
			return fmt.Errorf("province record has %d fields, want 6", len(f))
		}
		g.provIdx[f[1]] = int32(len(g.provinces))
		g.provinces = append(g.provinces, region{code: f[1], name: f[2], short: f[3], py: splitList(f[4]), ini: splitList(f[5]), prov: int32(len(g.provinces))})
	case "C":
		if len(f) != 6 {
			return fmt.Errorf("city record has %d fields, want 6", len(f))
		}
		p, ok := g.provIdx[f[1][:2]]
		if !ok {
			return fmt.Errorf("city %s precedes or lacks its province", f[1])
		}
		g.cityIdx[f[1]] = int32(len(g.cities))
		g.cities = append(g.cities, region{code: f[1], name: f[2], short: f[3], py: splitList(f[4]), ini: splitList(f[5]), prov: p})
	case "A":
		if len(f) != 13 {
			return fmt.Errorf("county record has %d fields, want 13", len(f))
		}
		return g.addCounty(f)
	default:
		return fmt.Errorf("unknown record type %q", f[0])
	}
	return nil
}

var kinds = map[string]int{"区": kindQu, "县": kindXian, "旗": kindQi, "市": kindShi, "zone": kindZone, "other": kindOther}

func (g *gazetteer) addCounty(f []string) error {
	code, name, cityCode := f[1], f[2], f[3]
	if len(code) != 6 || len(cityCode) != 4 || !strings.HasPrefix(code, cityCode) {
		return fmt.Errorf("county %s has malformed codes (city %s)", code, cityCode)
	}
	p, ok := g.provIdx[code[:2]]
	if !ok {
		return fmt.Errorf("county %s lacks its province", code)
	}
	k, ok := kinds[f[4]]
	if !ok {
		return fmt.Errorf("county %s has unknown kind %q", code, f[4])
	}
	c := county{
		Place: Place{Code: code, Name: name, CityCode: cityCode,
			Province: g.provinces[p].name, ProvinceCode: g.provinces[p].code},
		kind: k, short: f[5], prov: p, city: -1,
		commonShort: strings.Contains(f[6], "c"),
		genericFull: strings.Contains(f[6], "g"),
		stemFull:    strings.Contains(f[6], "s"),
		pyShort:     splitList(f[7]), pyFull: splitList(f[8]),
		iniShort: splitList(f[9]), iniFull: splitList(f[10]),
		aliases: splitList(f[11]),
	}
	if strings.Contains(f[6], "x") {
		c.short = "" // the short form names a city or province
	}
	if ci, ok := g.cityIdx[cityCode]; ok {
		c.city = ci
		c.City = g.cities[ci].name
	} else {
		c.City = name // 省直辖县级行政区划
	}
	if f[12] != "" {
		for _, t := range strings.Split(f[12], ",") {
			if len(t) <= 3 {
				return fmt.Errorf("county %s has malformed township %q", code, t)
			}
			c.towns = append(c.towns, town{code: code + t[:3], name: t[3:]})
		}
	}
	g.counties = append(g.counties, c)
	return nil
}

// ByCode returns the county-level unit with the given 6-digit code.
func ByCode(code string) (Place, bool) {
	g, err := load()
	if err != nil {
		return Place{}, false
	}
	i, ok := g.byCode[code]
	if !ok {
		return Place{}, false
	}
	return g.counties[i].Place, true
}

// Districts returns every county-level unit, sorted by code.
func Districts() []Place {
	g, err := load()
	if err != nil {
		return nil
	}
	out := make([]Place, len(g.counties))
	for i, c := range g.counties {
		out[i] = c.Place
	}
	return out
}

// City returns the name of the prefecture-level unit with the given 4-digit
// code; the 直辖市 pseudo-cities (1101 市辖区) answer with the municipality.
// 省直辖县级行政区划 codes (4290) are not cities and return false.
func City(code4 string) (string, bool) {
	g, err := load()
	if err != nil {
		return "", false
	}
	i, ok := g.cityIdx[code4]
	if !ok {
		return "", false
	}
	return g.cities[i].name, true
}

// Province returns the name of the province-level unit with the given 2-digit code.
func Province(code2 string) (string, bool) {
	g, err := load()
	if err != nil {
		return "", false
	}
	i, ok := g.provIdx[code2]
	if !ok {
		return "", false
	}
	return g.provinces[i].name, true
}

// LoadError reports why the embedded gazetteer could not be parsed, or nil.
// Lookups fail closed in that case; callers may surface this at start-up.
func LoadError() error {
	_, err := load()
	return err
}
