package meeting

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzMeeting feeds arbitrary reports to every function: none may panic,
// every string out must be valid UTF-8, and item spans must lie inside the
// body, in order, with each item's text its span.
func FuzzMeeting(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add("", string(b), "2022-04-22", "http://x.gov.cn/art/2024/10/23/a.html")
	}
	for _, s := range []string{
		"昨天(24日)晚上,区长张广贤主持召开2020年度区政府第15次常务会议。“12·16”",
		"131日,县长******主持召开会议。",
		"会议审议了《A《B》C》》《《〈<>〉",
		"会议审议了《" + string([]byte{0xff, 0xfe}) + "》。",
		wide("会议审议了《A方案》,4月16日,区长方力主持召开会议。"),
		"\uFF0C\u3000\uFF08\uFF09",
		"On the 31st, presided over the 1st standing meeting of the county government.",
		"农历腊月二十三(2月2日)上午，上周五、本周日、元月5日，县长买买提·吐尔逊主持召开会议。",
		"会议传达了市长李四主持召开市政府常务会议精神，在联合国主持下，向所有主持正义的·",
	} {
		f.Add("区长方力主持召开常务会议", s, "", "")
	}
	f.Fuzz(func(t *testing.T, title, body, published, url string) {
		in := Input{Title: title, Body: body, Published: published, URL: url}
		d := ResolveDate(in)
		c := Chair(in)
		kinds := Kinds(in)
		sess, sessEv := Session(in)
		docs := Documents(in)
		items := AgendaItems(body)

		out := []string{d.Value, d.Source, d.Evidence, c.Name, c.Title, c.Evidence, sess, sessEv}
		out = append(out, kinds...)
		for _, doc := range docs {
			out = append(out, doc.Title, doc.Verb, doc.Evidence)
		}
		for _, it := range items {
			out = append(out, it.Kind, it.Text)
		}
		for _, s := range out {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out: %q", s)
			}
		}
		if v := d.Value; v != "" && len(v) != 7 && len(v) != 10 {
			t.Fatalf("date %q is neither YYYY-MM nor YYYY-MM-DD", v)
		}
		if err := checkItems(body, items); err != nil {
			t.Fatal(err)
		}
	})
}
