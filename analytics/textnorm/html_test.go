package textnorm

import (
	"strings"
	"testing"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "script style noscript template dropped",
			in:   `<html><head><style>p{color:red}</style><script>document.write("区政府")</script></head><body><p>会议召开</p><noscript>请启用</noscript><template><p>模板</p></template><script type="text/x">x<y</script></body></html>`,
			want: "会议召开",
		},
		{
			name: "blocks become lines, inline stays",
			in:   `<div>第一行<span>续</span></div><p>第二行<br>第三行</p><ul><li>甲</li><li>乙</li></ul>`,
			want: "第一行续\n第二行\n第三行\n甲\n乙",
		},
		{
			name: "entities decoded",
			in:   `<p>首页&nbsp;&gt;&nbsp;要闻 &amp; 通知 &copy; &#20250;&#x8BAE;</p>`,
			want: "首页\u00a0>\u00a0要闻 & 通知 © 会议",
		},
		{
			name: "table cells separated by spaces, rows by lines",
			in:   `<table><tr><td>索引号</td><td>123</td></tr><tr><th>生成日期</th><td>2022-04-14</td></tr></table>`,
			want: "索引号 123\n生成日期 2022-04-14",
		},
		{
			name: "source line break inside chinese text",
			in:   "<p>会议强调，要\n  加快推进工作。Digital\ntransformation</p>",
			want: "会议强调，要加快推进工作。Digital transformation",
		},
		{
			name: "pre keeps lines",
			in:   "<pre>甲\n乙</pre>",
			want: "甲\n乙",
		},
		{
			name: "title and meta not in text",
			in:   `<html><head><title>标题_网站</title><meta name="PubDate" content="2022-01-02"></head><body><p>正文</p></body></html>`,
			want: "正文",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := htmlToText(tc.in)
			if strings.TrimSpace(got) != tc.want {
				t.Errorf("htmlToText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLInfo(t *testing.T) {
	in := `<html><head><title>区政府召开常务会议_某区人民政府</title>
<meta name="ArticleTitle" content="区政府召开第3次常务会议">
<meta name="PubDate" content="2022-04-22 10:00">
<meta name="ContentSource" content="某区融媒体中心">
<meta name="SiteIDCode" content="3205060031">
<meta property="og:url" content="https://og.example.gov.cn/a.html">
<link rel="canonical" href="https://www.example.gov.cn/a.html">
</head><body><h1>区政府召开第3次常务会议</h1><p>正文。</p></body></html>`
	_, info := htmlToText(in)
	want := htmlInfo{
		title: "区政府召开常务会议_某区人民政府", h1: []string{"区政府召开第3次常务会议"},
		metaTitle: "区政府召开第3次常务会议", canonical: "https://www.example.gov.cn/a.html",
		ogURL: "https://og.example.gov.cn/a.html", pubDate: "2022-04-22 10:00",
		pubEvidence: `<meta name="PubDate" content="2022-04-22 10:00">`,
		source:      "某区融媒体中心", siteCode: "3205060031",
	}
	if info.title != want.title || strings.Join(info.h1, "|") != strings.Join(want.h1, "|") ||
		info.metaTitle != want.metaTitle || info.canonical != want.canonical || info.ogURL != want.ogURL ||
		info.pubDate != want.pubDate || info.pubEvidence != want.pubEvidence || info.source != want.source ||
		info.siteCode != want.siteCode {
		t.Errorf("info = %+v\nwant  %+v", info, want)
	}
}

func TestHTMLTitleChoice(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{"title with site suffix", `<title>区政府召开第3次常务会议_某区人民政府</title><p>正文。</p>`, "区政府召开第3次常务会议"},
		{"title with dash suffix", `<title>区政府召开第3次常务会议 - 某某网</title><p>正文。</p>`, "区政府召开第3次常务会议"},
		{"h1 repeated in title wins", `<title>某区人民政府-区政府召开第3次常务会议</title><h1>区政府召开第3次常务会议</h1><p>正文。</p>`, "区政府召开第3次常务会议"},
		{"logo h1 loses to title", `<title>区政府召开第3次常务会议_某区人民政府</title><h1>某区</h1><p>正文。</p>`, "区政府召开第3次常务会议"},
		{"only h1", `<html><body><h1>区政府召开第3次常务会议</h1><p>正文。</p></body></html>`, "区政府召开第3次常务会议"},
		{"traditional title", `<title>區(qū)政府召開(kāi)常務(wù)會(huì)議</title><p>區政府召開常務會議，研究部署當前重點工作。</p>`, "区政府召开常务会议"},
		{"date range in title", `<title>区政府审议2022-2024年行动计划-某某区政府</title><p>正文。</p>`, "区政府审议2022-2024年行动计划"},
		{"site name title, text headline", `<title>示例区人民政府门户网站</title><body><div>区政府召开第3次常务会议</div><div>发布时间:2022-01-02</div><p>1月1日,区长主持召开区政府第3次常务会议,研究部署安全生产等工作。</p></body>`, "区政府召开第3次常务会议"},
		{"site logo h1 only", `<body><h1>示例区人民政府</h1><div>区政府召开第3次常务会议</div><div>发布时间:2022-01-02</div><p>1月1日,区长主持召开区政府第3次常务会议,研究部署安全生产等工作。</p></body>`, "区政府召开第3次常务会议"},
		{"truncated title", `<title>区政府召开第3次常务会议研究部署...</title><body><div>区政府召开第3次常务会议研究部署安全生产工作</div><p>1月1日,区长主持召开区政府第3次常务会议,研究部署安全生产等工作。</p></body>`, "区政府召开第3次常务会议研究部署安全生产工作"},
		{"spam title", `<title>新万博娱乐_新万博体育-劲爆体育官网_区政府召开常务会议</title><p>正文。</p>`, "区政府召开常务会议"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Normalize([]byte(tc.page), Options{HTML: true})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.want {
				t.Errorf("Title = %q, want %q", d.Title, tc.want)
			}
		})
	}
}

func TestHTMLDetection(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		opt  Options
		want string
	}{
		{"doctype", "<!DOCTYPE html><html><body><p>会议。</p></body></html>", Options{}, "html"},
		{"fragment with leading text", "会议召开<p>第一段</p><br>第二段", Options{}, "html"},
		{"extension", "<b>会议</b>召开", Options{Name: "a.shtml"}, "html"},
		{"forced", "会议<b>召开</b>", Options{HTML: true}, "html"},
		{"angle brackets in a text report", "会议讨论了《贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案》。", Options{Name: "a.txt"}, "text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Normalize([]byte(tc.raw), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != tc.want {
				t.Errorf("Format = %q, want %q", d.Format, tc.want)
			}
		})
	}
}
