package textnorm

import (
	"os"
	"sync"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Pinyin artefacts go, real parentheses stay.
		{"pinyin after traditional", "區(qū)政府召開(kāi)會(huì)議", "區政府召開會議"},
		{"pinyin full-width parens", "區（qū）長（zhǎng）", "區長"},
		{"pinyin after mojibake", "確?(bǎo)開_(kāi)好", "確?開_好"},
		{"ü with tone", "綠(lǜ)色", "綠色"},
		{"real bracket expand", "党组(扩大)会议", "党组(扩大)会议"},
		{"real bracket years", "三年行动计划(2022-2024年)", "三年行动计划(2022-2024年)"},
		{"real bracket day", "昨天(24日)晚上", "昨天(24日)晚上"},
		{"real bracket reporter", "九龙融媒讯(记者 谭娟 周邦静)9月2日", "九龙融媒讯(记者 谭娟 周邦静)9月2日"},
		{"toneless latin kept", "附件(a)和(bei)", "附件(a)和(bei)"},
		{"pinyin after space kept", "拼音 (qū)", "拼音 (qū)"},
		{"pinyin after latin kept", "abc(qū)", "abc(qū)"},
		{"too long for a syllable", "字(zhuāngzhuang)", "字(zhuāngzhuang)"},
		{"unclosed", "區(qū", "區(qū"},

		// Width folding.
		{"full-width digits letters", "２０２２年ＡＢｃ", "2022年ABc"},
		{"full-width structural punct", "发布时间：２０２２－０４－２２（星期五）", "发布时间:2022-04-22(星期五)"},
		{"chinese punct kept", "会议指出，要“稳”；行吗？好！《方案》、。", "会议指出，要“稳”；行吗？好！《方案》、。"},
		{"percent and slash", "１００％／２", "100%/2"},

		// Whitespace.
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"trim and collapse", "  \u3000\u3000会议  强调\t\u00a0要 \n", "会议 强调 要"},
		{"blank lines collapse", "甲\n\n\n\n乙\n \n丙", "甲\n\n乙\n\n丙"},
		{"leading trailing newlines", "\n\n甲\n\n", "甲"},
		{"invisible chars", "会\u200b议\ufeff\u00ad召开\u202e", "会议召开"},
		{"control chars", "会\x01议\x7f召\u0085开", "会议召开"},
		{"tab to space", "发布时间:\t2022", "发布时间: 2022"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := fold(tc.in)
			if got != tc.want {
				t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFoldStats(t *testing.T) {
	_, st := fold("區(qū)政府召開 abc 会议")
	if st.han != 7 || st.latin != 3 || st.tradOnly != 2 {
		t.Errorf("stats = %+v, want han 7, latin 3, tradOnly 2 (區 開)", st)
	}
}

func TestScriptDetection(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"traditional", "區政府召開常務會議，研究部署當前重點工作。", true},
		{"simplified", "区政府召开常务会议，研究部署当前重点工作。", false},
		// A Simplified page quoting one Traditional name stays Simplified.
		{"simplified with one stray", "区政府召开常务会议，研究部署当前重点工作，听取了关于推进城市数字化转型的汇报，审议了有关方案。會", false},
		// 乾 and 於 are Simplified characters too.
		{"ambiguous only", "乾隆年间于是", false},
		{"no han", "hello world", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, st := fold(tc.in)
			if got := isTraditional(st); got != tc.want {
				t.Errorf("isTraditional(%q) = %v (stats %+v), want %v", tc.in, got, st, tc.want)
			}
		})
	}
}

func TestSimplify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"區(qū)政府", "区政府"},
		{"常務會議", "常务会议"},
		{"碳達峰", "碳达峰"},
		{"数字经济", "数字经济"},
		{"２０２２年", "2022年"},
		{"乾隆", "乾隆"}, // Simplified input is left alone
		{"", ""},
	}
	for _, tc := range tests {
		if got := Simplify(tc.in); got != tc.want {
			t.Errorf("Simplify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestT2SMatchesOpenCC checks the allocation-free matcher against OpenCC's
// own Convert on real Traditional reports and on phrase-table traps.
func TestT2SMatchesOpenCC(t *testing.T) {
	cc, err := loadT2S()
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		"乾隆年間一目瞭然，不瞭解上鍊的人",
		"區政府召開常務會議，研究部署當前重點工作。abc 123 《計劃》",
		"著名的著作，後來於是",
		"",
	}
	for _, p := range []string{"testdata/seeds/004_9a726ed6efeaa8a0.txt", "testdata/examples/e04.txt", "testdata/examples/e13.txt"} {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(raw))
	}
	for _, in := range inputs {
		want, err := cc.Convert(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := toSimplified(in)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("toSimplified differs from OpenCC Convert:\n%s", firstDiff(want, got))
		}
	}
}

// Normalize shares one OpenCC converter; run under -race to check that
// concurrent use only reads it.
func TestConcurrentNormalize(t *testing.T) {
	raw, err := os.ReadFile("testdata/seeds/004_9a726ed6efeaa8a0.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Normalize(raw, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				d, err := Normalize(raw, Options{})
				if err != nil || d.Text != want.Text {
					t.Errorf("concurrent Normalize differs (err %v)", err)
					return
				}
			}
		})
	}
	wg.Wait()
}
