package textnorm

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// commonRunPlain is commonRun spelled out with the general rune functions.
func commonRunPlain(st *foldStats, s string, i int, prev *rune) int {
	for i < len(s) {
		r, size := nextRune(s, i)
		if !(r < utf8.RuneSelf || r >= 0x4E00 && r <= 0x9FFF) || !plainRune(r) {
			break
		}
		st.count(r)
		st.notePair(*prev, r)
		*prev = r
		i += size
	}
	return i
}

// Normalize skips the branded search when folding saw no brand-suffix pair,
// and the chain search when it saw no separator: they must then find
// nothing, on every line of the test pages and on crafted strings.
func TestNoSpamPairMeansNoSpam(t *testing.T) {
	texts := []string{"新万博体育", "新万博 体育", "新万博\n体育", "开云体育(中国)官方网站", "澳门(qū)新葡京官网",
		"bet365app", "龙8 国际", "新万博娱乐_新万博体育-劲爆体育官网", "区政府官网", "平台载体"}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, s := range texts {
		folded, st := fold(s)
		var sc spamScan
		if spans := sc.findBranded(folded, nil); len(spans) > 0 && !st.spamPair {
			t.Errorf("%q: branded spam %v found though folding saw no pair", clip(folded, 80), spans)
		}
		if spans := sc.findChains(folded, nil); len(spans) > 0 && !st.spamSep {
			t.Errorf("%q: chain spam %v found though folding saw no separator", clip(folded, 80), spans)
		}
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func TestCommonRunMatchesPlainRunes(t *testing.T) {
	texts := []string{"", "abc(def", "会议\u4dff\u4e00\u9fff\ua000國語 x\t", "（ａ）", "2024年5月14日，区长"}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if !utf8.ValidString(s) {
			continue // fold makes its input valid first
		}
		for i := 0; i < len(s); {
			var got, want foldStats
			var gotPrev, wantPrev rune
			j, k := got.commonRun(s, i, &gotPrev), commonRunPlain(&want, s, i, &wantPrev)
			if j != k || got != want || gotPrev != wantPrev {
				t.Fatalf("at %d of %.40q: commonRun = %d %+v %q, want %d %+v %q", i, s[i:], j, got, gotPrev, k, want, wantPrev)
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
}

// findLabelsPlain is findLabels as first written: every rune's predecessor
// decoded.
func findLabelsPlain(line string) []labelHit {
	var hits []labelHit
	for i := 0; i < len(line); {
		if i > 0 && !labelBoundary(line, i) {
			_, size := utf8.DecodeRuneInString(line[i:])
			i += size
			continue
		}
		hit, ok := labelAt(line, i)
		if !ok {
			_, size := utf8.DecodeRuneInString(line[i:])
			i += size
			continue
		}
		hits = append(hits, hit)
		i = hit.end
	}
	return hits
}

func TestFindLabelsMatchesPlain(t *testing.T) {
	lines := []string{"发布时间:2022-04-15 来源:区政府办 【字体:大 中 小】", "主题(一级)主题(二级) 索引号 /文号·作者:x•编辑:y",
		"[来源:新华网]|浏览次数:3", "时间 日期:", "(发布日期:2022年)", "\xe3 来源:x", "·来源:x"}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, l := range lines {
		if got, want := findLabels(l), findLabelsPlain(l); !reflect.DeepEqual(got, want) {
			t.Errorf("findLabels(%q) = %v, want %v", l, got, want)
		}
	}
}

func TestSeparatorsMatchIndexAny(t *testing.T) {
	texts := []string{"", "_", "a-b|c_d", "||__--", "新万博娱乐_新万博体育-劲爆体育官网|x", "无分隔"}
	for _, s := range texts {
		for step := 1; step <= 3; step++ {
			var sp separators
			for off := 0; off < len(s); off += step {
				want := strings.IndexAny(s[off:], "_-|")
				if want >= 0 {
					want += off
				}
				if got := sp.next(s, off); got != want {
					t.Fatalf("next(%q, %d) = %d, want %d", s, off, got, want)
				}
			}
		}
	}
}
