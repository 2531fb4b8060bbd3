package queries

import "testing"

func TestPhraseMemo(t *testing.T) {
	type step struct {
		store     bool // store n counted with most; else ask with most
		n, most   int
		want      int
		wantKnown bool
	}
	cases := []struct {
		name  string
		steps []step
	}{
		{"unknown at first", []step{{most: -1, wantKnown: false}, {most: 1, wantKnown: false}}},
		{"an exact count answers every asking", []step{
			{store: true, n: 3, most: -1},
			{most: -1, want: 3, wantKnown: true}, {most: 1, want: 1, wantKnown: true}, {most: 5, want: 3, wantKnown: true}}},
		{"zero is known", []step{{store: true, n: 0, most: -1}, {most: 1, want: 0, wantKnown: true}}},
		{"a search's hit answers searches only", []step{
			{store: true, n: 1, most: 1},
			{most: 1, want: 1, wantKnown: true}, {most: -1, wantKnown: false}}},
		{"a search's miss is an exact zero", []step{
			{store: true, n: 0, most: 1},
			{most: -1, want: 0, wantKnown: true}}},
		{"a hit does not undo a count", []step{
			{store: true, n: 4, most: -1}, {store: true, n: 1, most: 1},
			{most: -1, want: 4, wantKnown: true}}},
		{"a count after a hit is exact", []step{
			{store: true, n: 1, most: 1}, {store: true, n: 7, most: -1},
			{most: -1, want: 7, wantKnown: true}}},
		{"a capped count that reached its cap is not exact", []step{
			{store: true, n: 2, most: 2},
			{most: -1, wantKnown: false}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newPhraseMemos(3, memoBudget).get("碳达峰")
			for i, s := range c.steps {
				if s.store {
					m.store(1, s.n, s.most)
					continue
				}
				n, ok := m.count(1, s.most)
				if ok != s.wantKnown || (ok && n != s.want) {
					t.Errorf("step %d (most %d): %d, %v; want %d, %v", i, s.most, n, ok, s.want, s.wantKnown)
				}
			}
			if _, ok := m.count(0, -1); ok {
				t.Error("another report's count became known")
			}
		})
	}
}

func TestPhraseMemosKeepTheRecentWithinBudget(t *testing.T) {
	ms := newPhraseMemos(100, 3*4*100) // room for three phrases

	if ms.max != 3 {
		t.Fatalf("room for %d phrases, want 3", ms.max)
	}
	a := ms.get("a")
	a.store(0, 5, -1)
	ms.get("b")
	ms.get("c")
	if ms.get("a") != a { // asked again: now the latest
		t.Fatal("a remembered phrase was made anew")
	}
	ms.get("d") // drops b, the least recently asked
	if _, ok := ms.by["b"]; ok || len(ms.by) != 3 {
		t.Fatalf("remembered %d phrases, b among them: %v", len(ms.by), ok)
	}
	if n, ok := ms.get("a").count(0, -1); !ok || n != 5 {
		t.Fatalf("a's count %d, %v after others came and went", n, ok)
	}
	if got := newPhraseMemos(1, memoBudget).max; got != memoMaxPhrases {
		t.Errorf("a one-report database remembers %d phrases, want %d", got, memoMaxPhrases)
	}
}
