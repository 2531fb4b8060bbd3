package bench

import (
	"net/url"
	"strings"
	"testing"
)

// TestMixFreshRoutes: a fresh-phrase route asks a phrase no earlier request
// of the route asked, for as many requests as it has phrases, and every
// other route asks the same path each time.
func TestMixFreshRoutes(t *testing.T) {
	fresh := 0
	for _, r := range Mix(Sample{MeetingID: "m1", DistrictCode: "320206"}) {
		if len(r.Fresh) == 0 {
			if r.path(0) != r.Path || r.path(7) != r.Path {
				t.Errorf("%s: asks %q, then %q; want %q", r.Name, r.path(0), r.path(7), r.Path)
			}
			continue
		}
		fresh++
		seen := map[string]bool{}
		for i := range len(freshPhrases) {
			p := r.path(i)
			u, err := url.Parse(p)
			if err != nil {
				t.Fatalf("%s: request %d: %v", r.Name, i, err)
			}
			q := u.Query().Get("q")
			if q == "" || strings.ContainsAny(q, " ,") || seen[q] {
				t.Errorf("%s: request %d asks %q again or not one phrase", r.Name, i, q)
			}
			seen[q] = true
		}
		if r.Path != r.path(0) {
			t.Errorf("%s: Path %q is not its first request %q", r.Name, r.Path, r.path(0))
		}
	}
	if fresh != 2 {
		t.Errorf("%d fresh-phrase routes, want the search and the term query", fresh)
	}
}
