package topics

import (
	"strings"
	"sync"
	"testing"
	"unicode"
)

var (
	testTaggerOnce sync.Once
	testTagger     *Tagger
	testTaggerErr  error
)

func defaultTagger(t testing.TB) *Tagger {
	t.Helper()
	testTaggerOnce.Do(func() {
		tax, err := Default()
		if err != nil {
			testTaggerErr = err
			return
		}
		testTagger, testTaggerErr = NewTagger(tax)
	})
	if testTaggerErr != nil {
		t.Fatal(testTaggerErr)
	}
	return testTagger
}

func TestDefaultTaxonomy(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(tax.Topics) < 20 {
		t.Errorf("bundled taxonomy has %d topics, want at least 20", len(tax.Topics))
	}
	for _, id := range []string{"safety", "digital", "carbon"} {
		if _, ok := tax.Get(id); !ok {
			t.Errorf("bundled taxonomy lacks %s", id)
		}
	}
	for _, tp := range tax.Topics {
		if tp.CAP == 0 || tp.Definition == "" {
			t.Errorf("topic %s lacks a CAP code or definition", tp.ID)
		}
	}
}

func TestParseRejects(t *testing.T) {
	cases := map[string]string{
		"empty":        "topics: []",
		"bad id":       "topics:\n  - {id: Safety, zh: a, en: b, keywords: [x]}",
		"duplicate":    "topics:\n  - {id: a, zh: a, en: b, keywords: [x]}\n  - {id: a, zh: a, en: b, keywords: [y]}",
		"no keywords":  "topics:\n  - {id: a, zh: a, en: b}",
		"no label":     "topics:\n  - {id: a, en: b, keywords: [x]}",
		"unknown key":  "topics:\n  - {id: a, zh: a, en: b, keywords: [x], colour: red}",
		"not yaml":     "topics: [",
		"empty phrase": "topics:\n  - {id: a, zh: a, en: b, keywords: ['']}",
	}
	for name, src := range cases {
		if _, err := Parse(strings.NewReader(src)); err == nil {
			t.Errorf("%s: Parse accepted %q", name, src)
		}
	}
}

func TestTagCounts(t *testing.T) {
	tg := defaultTagger(t)
	cases := []struct {
		text string
		want map[string]int // topics that must have exactly these counts
		none []string       // topics that must be absent
	}{
		{"会议听取了一季度全区安全生产工作情况汇报,严格执行安全生产问责追责规定。", map[string]int{"safety": 2}, nil},
		{"推动食品安全高水平治理,守住不发生重大食品安全事故的底线。", map[string]int{"food_drug_safety": 2}, []string{"safety"}},
		{"着眼产业数字化转型、企业数字化转型,把数字经济核心产业做大做强。", map[string]int{"digital": 3}, nil},
		{"确保如期实现碳达峰目标任务,加快形成节能减碳的产业结构。", map[string]int{"carbon": 2}, nil},
		{"发展农副产品加工、新能源等产业。", nil, []string{"carbon"}},
		{"", nil, []string{"safety", "digital", "carbon"}},
	}
	for _, c := range cases {
		got := tg.Tag(c.text, nil)
		for id, n := range c.want {
			if got.Topics[id] != n {
				t.Errorf("Tag(%q)[%s] = %d, want %d (words %v)", c.text, id, got.Topics[id], n, got.Words)
			}
		}
		for _, id := range c.none {
			if got.Topics[id] != 0 {
				t.Errorf("Tag(%q)[%s] = %d, want 0 (words %v)", c.text, id, got.Topics[id], got.Words)
			}
		}
	}
}

func TestTagSpans(t *testing.T) {
	tg := defaultTagger(t)
	a := "会议研究安全生产工作。"
	b := "会议审议了碳达峰行动方案和安全生产方案。"
	text := a + b
	got := tg.Tag(text, []Span{{0, len(a)}, {len(a), len(text)}})
	if got.Topics["safety"] != 2 || got.Spans[0]["safety"] != 1 || got.Spans[1]["safety"] != 1 || got.Spans[1]["carbon"] != 1 || got.Spans[0]["carbon"] != 0 {
		t.Errorf("span counts wrong: %+v", got)
	}
}

func BenchmarkTag(b *testing.B) {
	tg := defaultTagger(b)
	text := strings.Repeat("会议审议了《惠山区推动数字产业高质量发展三年行动计划》,强调要严守危化品、燃气、道路交通等重点领域,消除安全隐患。", 40)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Tag(text, nil)
	}
}

func BenchmarkCut(b *testing.B) {
	tg := defaultTagger(b)
	text := strings.Repeat("会议审议了《惠山区推动数字产业高质量发展三年行动计划》,强调要严守危化品、燃气、道路交通等重点领域,消除安全隐患。", 40)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Cut(text)
	}
}

func TestTagTerms(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := NewTagger(tax)
	if err != nil {
		t.Fatal(err)
	}
	tg.CollectTerms = true
	got := tg.Tag("会议强调,要加快推进垃圾分类工作,垃圾分类是民生大事。2022年", nil)
	if got.Terms["垃圾分类"] != 2 {
		t.Errorf("Terms[垃圾分类] = %d, want 2 (%v)", got.Terms["垃圾分类"], got.Terms)
	}
	for _, w := range []string{"会议", "强调", "工作", "2022", "是"} {
		if got.Terms[w] != 0 {
			t.Errorf("stop word or non-Han %q counted as a term", w)
		}
	}
}

// IsContentWord skips the Han table for U+4E00..U+9FFF: the whole block
// must be Han for that to change nothing.
func TestCJKBlockIsHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("%U is not Han", r)
		}
	}
	for _, tt := range []struct {
		w    string
		want bool
	}{{"经济", true}, {"经", false}, {"㐀𠀀", true}, {"经济a", false}, {"\xff经", false}, {"〇〇", true}, {"", false}} {
		if got := IsContentWord(tt.w); got != tt.want {
			t.Errorf("IsContentWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
