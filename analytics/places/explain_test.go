package places

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestExplain prints the candidate ranking for the report named by
// PLACES_EXPLAIN (a file under testdata/corpus); it is a debugging aid.
func TestExplain(t *testing.T) {
	file := os.Getenv("PLACES_EXPLAIN")
	if file == "" {
		t.Skip("set PLACES_EXPLAIN=<file> to print a ranking")
	}
	c := readReport(t, file)
	t.Logf("title=%q source=%q publisher=%q site=%q url=%q", c.Title, c.SourceName, c.Publisher, c.SiteCode, c.URL)
	t.Log(explain(c))
	res, ok := Resolve(c)
	t.Logf("=> %v %+v", ok, res)
}

func explain(c Clues) string {
	g, _ := loadIndexes()
	r := resolverPool.Get().(*resolver)
	defer resolverPool.Put(r)
	r.reset(g)
	r.collect(c)
	var b strings.Builder
	fmt.Fprintf(&b, "kinds 区%.0f 县%.0f 旗%.0f 市%.0f dominant=%d\n", r.kindCount[0], r.kindCount[1], r.kindCount[2], r.kindCount[3], r.dominantKind())
	for id, s := range r.cityScore {
		fmt.Fprintf(&b, "city %s %.2f\n", g.cities[id].name, s)
	}
	ranked := append([]scored(nil), r.rank()...)
	for i, s := range ranked {
		if i == 8 {
			break
		}
		co := g.counties[s.id]
		fmt.Fprintf(&b, "%s %s%s total=%.2f firm=%.2f best=%s %q\n", co.Code, co.City, co.Name, s.total, s.firm, s.best.rule, s.best.span)
		for _, e := range r.cands[r.candIdx[s.id]].items {
			fmt.Fprintf(&b, "    %.2f (of %.2f, group %d) %s %q weak=%v\n", e.eff, e.w, e.group, e.rule, e.span, e.weak)
		}
	}
	return b.String()
}
