package places

import (
	"slices"
	"testing"
)

func TestParseSourceURL(t *testing.T) {
	tests := []struct {
		raw    string
		gov    bool
		labels []string
		path   []string
	}{
		{"http://yinwen.ncx.gov.cn/articles/2019/07/22/584029.shtml", true, []string{"ncx"}, []string{"articles"}},
		{"http://file2019.huancui.gov.cn/ztCwhyWebList?id=85", true, []string{"huancui"}, []string{"ztcwhyweblist"}},
		{"https://app.wjyanghu.com/yhw/hotspot/wjxw/2022-09-26/117884.html", false, []string{"wjyanghu"}, []string{"hotspot"}},
		{"http://xianyu.chinaxiaokang.com/qiqihaershidiji/fuyuxian/yaowen/", false, []string{"xianyu", "chinaxiaokang"}, []string{"qiqihaershidiji", "fuyuxian", "yaowen"}},
		{"tzhl.gov.cn", true, []string{"tzhl"}, nil},
		{"http://hacker2.cn/2019_subject/", false, []string{"hacker"}, []string{"subject"}},
	}
	for _, tt := range tests {
		p, ok := parseSourceURL(tt.raw)
		if !ok || p.gov != tt.gov || !slices.Equal(p.labels, tt.labels) || !slices.Equal(p.pathTokens, tt.path) {
			t.Errorf("parseSourceURL(%s) = %+v, %v; want gov=%v labels=%q path=%q", tt.raw, p, ok, tt.gov, tt.labels, tt.path)
		}
	}
	for _, bad := range []string{"", "   ", "http://[::1", "http:///path"} {
		if p, ok := parseSourceURL(bad); ok {
			t.Errorf("parseSourceURL(%q) = %+v, want failure", bad, p)
		}
	}
}

// TestURLIndexSpellings pins the spellings of the brief's example hosts.
func TestURLIndexSpellings(t *testing.T) {
	g, err := loadIndexes()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]string{
		"jiulongpo": {"500107"},
		"huancui":   {"371002"},
		"tzhl":      {"321202"},
		"shyp":      {"310110"},
		"tjjz":      {"120119"},
		"blzq":      {"150422"},
		"yncxym":    {"532328"},
		"gaotai":    {"620724"},
		"yangxian":  {"610723"},
		"chaoan":    {"445103"},
		"haicang":   {"350205"},
		"gangcheng": {"370117"},
		"linhe":     {"150802"},
		"fuyuxian":  {"230227"},
		"klq":       {"150428", "150524", "370505"}, // 喀喇沁旗, 库伦旗, 垦利区
		"ncx":       {"150429", "230726", "360121", "361021"},
		"wbq":       {"410703", "610302"}, // 卫滨区, 渭滨区
		"xianyang":  nil,                  // 咸阳 is a city, not a county
	}
	for label, want := range tests {
		var got []string
		for _, h := range g.urls.labels[label] {
			got = append(got, g.counties[h.county].Code)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("label %q matches %q, want %q", label, got, want)
		}
	}
}
