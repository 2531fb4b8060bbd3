package handlers_test

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestTermsThatMatchNothing: a term in no report is named, not drawn as a
// flat zero line; the others are still charted.
func TestTermsThatMatchNothing(t *testing.T) {
	e := newServer(t)
	tests := []struct {
		name    string
		target  string
		want    []string
		notWant []string
	}{
		{"none matches", "/terms?q=" + url.QueryEscape("量子纠缠"), []string{`class="empty"`, "“量子纠缠”"},
			[]string{`id="terms"`, "/download/terms.csv", "<table"}},
		{"none matches, English", "/terms?lang=en&q=" + url.QueryEscape("量子纠缠,量子计算"), []string{`class="empty"`, "“量子纠缠”, “量子计算”"},
			[]string{`id="terms"`}},
		{"one of two matches", "/terms?q=" + url.QueryEscape("碳达峰,量子纠缠"), []string{`id="terms"`, "没有报道包含 “量子纠缠”", "<th class=\"num\">碳达峰</th>"},
			[]string{`class="empty"`, "<th class=\"num\">量子纠缠</th>"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := html.UnescapeString(get(t, e, tc.target).Body.String())
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s: page lacks %q", tc.target, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(body, w) {
					t.Errorf("%s: page holds %q", tc.target, w)
				}
			}
		})
	}
}

var backLink = regexp.MustCompile(`<p><a href="([^"]*)">← `)

// TestBackToTheList: a report opened from a filtered list links back to
// that list, and the back parameter cannot send the reader elsewhere.
func TestBackToTheList(t *testing.T) {
	e := newServer(t)
	list := get(t, e, "/meetings?topic=safety&city=3202").Body.String()
	if !strings.Contains(list, "/meetings/r1?back=topic%3Dsafety%26city%3D3202") {
		t.Errorf("the list's report links carry no back parameter")
	}
	tests := []struct {
		target string
		want   string
	}{
		{"/meetings/r1", "/meetings"},
		{"/meetings/r1?lang=en", "/meetings?lang=en"},
		{"/meetings/r1?back=" + url.QueryEscape("topic=safety&city=3202"), "/meetings?topic=safety&city=3202"},
		{"/meetings/r1?lang=en&back=" + url.QueryEscape("topic=safety&page=2"), "/meetings?lang=en&page=2&topic=safety"},
		{"/meetings/r1?back=" + url.QueryEscape("topic=safety&lang=en"), "/meetings?topic=safety"},
		{"/meetings/r1?back=" + url.QueryEscape("//evil.example/x"), "/meetings?//evil.example/x"},
		{"/meetings/r1?back=" + url.QueryEscape("a=%zz"), "/meetings"},
	}
	for _, tc := range tests {
		body := get(t, e, tc.target).Body.String()
		m := backLink.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("%s: no back link", tc.target)
			continue
		}
		got := html.UnescapeString(m[1])
		if !strings.HasPrefix(got, "/meetings") || strings.HasPrefix(got, "//") {
			t.Errorf("%s: back link %q leaves the meetings list", tc.target, got)
		}
		if got != tc.want {
			t.Errorf("%s: back link %q, want %q", tc.target, got, tc.want)
		}
	}
}

// TestRuleKeysAreNamed: the evidence table and the overview name rule keys
// in the page's language instead of showing code words.
func TestRuleKeysAreNamed(t *testing.T) {
	e := newServer(t)
	for _, tc := range []struct{ target, want, notWant string }{
		{"/meetings/r1", "<th>规则</th>", "<th>rule</th>"},
		{"/meetings/r1?lang=en", "<th>Rule</th>", "<th>rule</th>"},
	} {
		body := get(t, e, tc.target).Body.String()
		if !strings.Contains(body, tc.want) || strings.Contains(body, tc.notWant) {
			t.Errorf("%s: want %q and not %q in the evidence table", tc.target, tc.want, tc.notWant)
		}
	}
}
