package handlers

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

// maxCodes bounds how many place codes one request may list.
const maxCodes = 200

// knownKinds are the meeting kinds analytics/meeting assigns.
var knownKinds = []string{"executive", "party_group", "party_committee", "study_session", "plenary",
	"mayor_office", "reform_commission", "other"}

// listSep splits a parameter that may hold several values in one field.
var listSep = regexp.MustCompile(`[,，、;；\s]+`)

// termSep splits the terms query; spaces stay, a phrase may contain one.
var termSep = regexp.MustCompile(`[,，、;；\n]+`)

// values returns every value of a repeated parameter, each also split on
// commas, so district=1&district=2 and district=1,2 mean the same.
func values(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, part := range listSep.Split(v, -1) {
			if part != "" && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

func langOf(c echo.Context) views.Lang {
	if c.QueryParam("lang") == "en" {
		return views.EN
	}
	return views.ZH
}

// scope reads the filters every page shares.
func (s *server) scope(q url.Values, withQ bool) (queries.Scope, error) {
	var sc queries.Scope
	codes := []struct {
		param   string
		pattern *regexp.Regexp
		want    string
		dst     *[]string
	}{
		{"district", queries.DistrictCodePattern, "6 digits", &sc.Districts},
		{"city", queries.CityCodePattern, "4 digits", &sc.Cities},
		{"province", queries.ProvinceCodePattern, "2 digits", &sc.Provinces},
	}
	for _, c := range codes {
		vs := values(q, c.param)
		if len(vs) > maxCodes {
			return sc, badParam(c.param, "more than %d codes", maxCodes)
		}
		for _, v := range vs {
			if !c.pattern.MatchString(v) {
				return sc, badParam(c.param, "malformed code %q (want %s)", v, c.want)
			}
		}
		*c.dst = vs
	}
	for _, m := range []struct {
		param string
		dst   *string
	}{{"from", &sc.From}, {"to", &sc.To}} {
		v := strings.TrimSpace(q.Get(m.param))
		if v != "" && !queries.MonthPattern.MatchString(v) {
			return sc, badParam(m.param, "malformed month %q (want YYYY-MM)", v)
		}
		*m.dst = v
	}
	if sc.From != "" && sc.To != "" && sc.From > sc.To {
		return sc, badParam("to", "%s is before from=%s", sc.To, sc.From)
	}
	if k := q.Get("kind"); k != "" {
		if !slices.Contains(knownKinds, k) {
			return sc, badParam("kind", "unknown meeting kind %q (known: %s)", k, strings.Join(knownKinds, ", "))
		}
		sc.Kind = k
	}
	if withQ {
		text := strings.TrimSpace(q.Get("q"))
		if len([]rune(text)) > queries.MaxQueryLength {
			return sc, badParam("q", "longer than %d characters", queries.MaxQueryLength)
		}
		sc.Q = s.Simplify(text)
	}
	return sc, nil
}

// topics reads topic=ID (repeated or comma-separated) and checks each
// against the taxonomy; def is used when none is given.
func (s *server) topics(q url.Values, def []string) ([]string, error) {
	ids := values(q, "topic")
	if len(ids) == 0 {
		return def, nil
	}
	if len(ids) > queries.MaxTopics {
		return nil, badParam("topic", "more than %d topics", queries.MaxTopics)
	}
	for _, id := range ids {
		if _, ok := s.Taxonomy.Get(id); !ok {
			return nil, badParam("topic", "unknown topic %q (see /api/topics)", id)
		}
	}
	return ids, nil
}

func period(q url.Values, def queries.Period) (queries.Period, error) {
	v := q.Get("period")
	if v == "" {
		return def, nil
	}
	p := queries.Period(v)
	if !p.Valid() {
		return "", badParam("period", "unknown period %q (want month, quarter or year)", v)
	}
	return p, nil
}

func measure(q url.Values) (queries.Measure, error) {
	v := q.Get("measure")
	if v == "" {
		return queries.Share, nil
	}
	m := queries.Measure(v)
	if !m.Valid() {
		return "", badParam("measure", "unknown measure %q (want share, reports, mentions or per10k)", v)
	}
	return m, nil
}

func level(q url.Values) (queries.Level, error) {
	v := q.Get("level")
	if v == "" {
		return queries.District, nil
	}
	l := queries.Level(v)
	if !l.Valid() {
		return "", badParam("level", "unknown level %q (want district, city or province)", v)
	}
	return l, nil
}

// intParam reads an integer parameter within [lo, hi].
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "%q is not a whole number from %d to %d", v, lo, hi)
	}
	return n, nil
}

// termList reads q as a list of phrases for the terms page.
func (s *server) termList(q url.Values) ([]string, error) {
	raw := strings.TrimSpace(q.Get("q"))
	if raw == "" {
		return nil, nil
	}
	var out []string
	for _, t := range termSep.Split(raw, -1) {
		t = strings.TrimSpace(s.Simplify(strings.TrimSpace(t)))
		if t == "" || slices.Contains(out, t) {
			continue
		}
		if len([]rune(t)) > queries.MaxTermLength {
			return nil, badParam("q", "term %q is longer than %d characters", t, queries.MaxTermLength)
		}
		out = append(out, t)
	}
	if len(out) > queries.MaxTerms {
		return nil, badParam("q", "more than %d terms", queries.MaxTerms)
	}
	return out, nil
}
