package textnorm

import (
	"slices"
	"testing"
)

func TestSpam(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string
		found []string
	}{
		{
			name:  "site name chain in a document title",
			in:    "会议审议了《新万博娱乐_新万博体育-劲爆体育官网2025年安全生产工作方案》。",
			want:  "会议审议了《2025年安全生产工作方案》。",
			found: []string{"新万博娱乐_新万博体育-劲爆体育官网"},
		},
		{
			name:  "chain in place of a district name keeps the city",
			in:    "《苏州市新万博娱乐_新万博体育-劲爆体育官网碳达峰行动方案》",
			want:  "《苏州市碳达峰行动方案》",
			found: []string{"新万博娱乐_新万博体育-劲爆体育官网"},
		},
		{
			name:  "brand with colon in place of 关于",
			in:    "审议了《新万博体育:对20项安全生产突出问题的方案》",
			want:  "审议了《对20项安全生产突出问题的方案》",
			found: []string{"新万博体育:"},
		},
		{
			name:  "learned segment removed elsewhere",
			in:    "主办单位:新万博娱乐_新万博体育-劲爆体育官网办公室\n《新万博体育:促进新万博娱乐_新万博体育-劲爆体育官网制造业发展》",
			want:  "主办单位:办公室\n《促进制造业发展》",
			found: []string{"新万博娱乐_新万博体育-劲爆体育官网", "新万博体育:", "新万博娱乐_新万博体育-劲爆体育官网"},
		},
		{
			name:  "known brand without chain",
			in:    "澳门新葡京官网欢迎您区政府召开会议",
			want:  "欢迎您区政府召开会议",
			found: []string{"澳门新葡京官网"},
		},
		{
			name:  "bet365",
			in:    "bet365体育在线官网:区委常委会会议",
			want:  "区委常委会会议",
			found: []string{"bet365体育在线官网:"},
		},
		{
			name:  "unknown brand chain with repeated brand",
			in:    "乐动体育-乐动官网-乐动app下载_区政府召开常务会议",
			want:  "区政府召开常务会议",
			found: []string{"乐动体育-乐动官网-乐动app下载_"},
		},
		{
			name:  "country tag SEO title",
			in:    "开云体育(中国)官方网站-APP下载_区政府召开常务会议",
			want:  "区政府召开常务会议",
			found: []string{"开云体育(中国)官方网站-APP下载_"},
		},
		{name: "开云 as a company", in: "开云集团(中国)代表来访", want: "开云集团(中国)代表来访"},
		// Normal words that share the suffixes stay.
		{name: "文体旅", in: "促进文体旅高质量发展，发挥平台载体作用", want: "促进文体旅高质量发展，发挥平台载体作用"},
		{name: "区政府官网", in: "在区政府官网公开，政务服务平台上线", want: "在区政府官网公开，政务服务平台上线"},
		{name: "体育彩票", in: "体育彩票公益金用于全民健身", want: "体育彩票公益金用于全民健身"},
		{name: "澳门 as a place", in: "与澳门体育界交流，赴澳门考察", want: "与澳门体育界交流，赴澳门考察"},
		{name: "hyphenated list", in: "落实“交办-督办-反馈-销号”机制", want: "落实“交办-督办-反馈-销号”机制"},
		{name: "two portals", in: "区政府官网-市政府官网", want: "区政府官网-市政府官网"},
		{name: "culture sports chain", in: "文化-体育-旅游融合", want: "文化-体育-旅游融合"},
		{name: "date range", in: "(2021-2025年)", want: "(2021-2025年)"},
		{name: "金沙县", in: "金沙县体育中心投用", want: "金沙县体育中心投用"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var sc spamScan
			got, found := sc.remove(tc.in)
			if got != tc.want {
				t.Errorf("remove(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if !slices.Equal(found, tc.found) {
				t.Errorf("found %q, want %q", found, tc.found)
			}
		})
	}
}

func TestSpamDocument(t *testing.T) {
	d, err := Normalize([]byte("区政府召开常务会议\n会议审议了《新万博体育:促进新万博娱乐_新万博体育-劲爆体育官网文体旅高质量发展的若干政策措施》，要求发挥平台载体作用。\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "会议审议了《促进文体旅高质量发展的若干政策措施》，要求发挥平台载体作用。"
	if d.Body != want {
		t.Errorf("Body = %q, want %q", d.Body, want)
	}
	if !d.Spam || !slices.Equal(d.SpamStrings, []string{"新万博体育:", "新万博娱乐_新万博体育-劲爆体育官网"}) {
		t.Errorf("Spam = %v, SpamStrings = %q", d.Spam, d.SpamStrings)
	}
}
