package textnorm

import (
	"slices"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want lineKind
	}{
		// Breadcrumbs.
		{"当前位置:网站首页 > 新闻中心 > 要闻资讯 > 正文", kindFurniture},
		{"您现在的位置:首页 > 开发区新闻 > 无锡 > 文字新闻", kindFurniture},
		{"您的位置: 首页>>政府信息公开>>政府会议", kindFurniture},
		{"首页>政府信息公开>会议报告", kindFurniture},
		{"首页 >> 公开信息内容", kindFurniture},
		{"当前位置:", kindFurniture},
		// Pagers.
		{"上一条:增强项目攻坚本领提升服务企业能力 推动江阴经济平稳有序运行健康发展", kindFurniture},
		{"下一条:永乐店邀专家解读十八大精神", kindFurniture},
		{"上一篇:副区长调研防汛工作。", kindFurniture},
		// Footers.
		{"Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国", kindFurniture},
		{"备案:苏ICP备10060399号 网站标识码:3205060031", kindMeta},
		{"蒙公网安备15042202000014号", kindFurniture},
		{"• 传 真:+86-0512-53660867", kindFurniture},
		{"• 邮 箱:info@investchn.com", kindFurniture},
		{"与我们联系", kindFurniture},
		{"主办单位:示例区人民政府办公室 网站支持", kindMeta},
		{"网站支持IPv6无锡市滨湖区人民政府 欢迎您!", kindFurniture},
		// Disclosure header rows and labelled metadata.
		{"信息索引号 014028901/2022-02540 生成日期 2022-04-14 公开日期 2022-04-15", kindMeta},
		{"主题(一级) 综合政务 主题(二级) 文秘工作 关键词 机关,会议纪要,行政", kindMeta},
		{"索引号", kindMeta},
		{"发布时间:2022-04-22 来源:无锡市惠山区人民政府", kindMeta},
		{"文章来源:滨湖区人民政府", kindMeta},
		{"来源:无锡高新区在线", kindMeta},
		{"2022-05-17", kindMeta},
		{"2024-04-07 09:18 字号:", kindMeta},
		// Widgets.
		{"字体:【 打印", kindMeta},
		{"【浏览字体:", kindFurniture},
		// Navigation.
		{"智能推荐", kindFurniture},
		{"政府信息公开 政务服务 互动交流", kindFurniture},
		{"长者模式 元谋县人民政府", kindFurniture},
		{"无障碍浏览", kindFurniture},
		{"网站首页", kindFurniture},
		{"• 2018", kindFurniture},
		{"• 会议内容", kindFurniture},
		{"[ ]", kindFurniture},
		// Phone directory and captions.
		{"区委书记 李海潮 15537328017", kindFurniture},
		{"▲会议现场。", kindFurniture},
		{"▲李顺主持。", kindFurniture},
		// Body lines.
		{"会议指出", kindShort},
		{"会议还研究了其他事项。", kindProse},
		{"区政府召开党组(扩大)会议暨理论学习中心组学习会和五届区政府第6次常务会议", kindShort},
		{"区政府召开常务会议 研究部署政务公开工作", kindShort},
		{"● 要在学思践悟中提高政治站位。抓好立体化学习,结合以上率下学。", kindProse},
		{"会议要求,各单位要公布联系电话,畅通群众反映问题渠道。", kindProse},
		{"时间就是生命,要争分夺秒抓好防汛工作。", kindProse},
		{"2022年4月14日上午,区长李平主持召开第6次区政府常务会议。", kindProse},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			if got, _ := classify(tc.line); got != tc.want {
				t.Errorf("classify(%q) = %d, want %d", tc.line, got, tc.want)
			}
		})
	}
}

// Seed 000 is republished by an investment portal whose pager names other
// places (江阴, 永乐店): they must not reach Body.
func TestFurnitureNotInBody(t *testing.T) {
	page := strings.Join([]string{
		"打造网上国际投资促进平台 致力于中国投资促进事业",
		"您现在的位置:首页 > 开发区新闻 > 无锡 > 文字新闻",
		"区政府召开第6次常务会议",
		"发布时间:2022-04-22  来源:无锡市惠山区人民政府",
		"",
		"  4月16日,区长方力主持召开五届区政府第6次常务会议。",
		"  会议指出",
		"  会议还研究了其他事项。",
		"",
		"上一条:增强项目攻坚本领 推动江阴经济平稳有序运行健康发展",
		"下一条:永乐店邀专家解读十八大精神",
		"与我们联系",
		"  • 联系电话:+86-0512-53660867",
		"Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国",
	}, "\n")
	d, err := Normalize([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantBody := "4月16日,区长方力主持召开五届区政府第6次常务会议。\n会议指出\n会议还研究了其他事项。"
	if d.Body != wantBody {
		t.Errorf("Body = %q, want %q", d.Body, wantBody)
	}
	for _, place := range []string{"江阴", "永乐店", "投促中国", "首页"} {
		if strings.Contains(d.Body, place) {
			t.Errorf("Body contains furniture word %q", place)
		}
	}
	if d.Title != "区政府召开第6次常务会议" {
		t.Errorf("Title = %q", d.Title)
	}
	if len(d.Furniture) != 8 {
		t.Errorf("Furniture = %q, want 8 lines", d.Furniture)
	}
	if !strings.Contains(d.Text, "江阴") {
		t.Error("Text must keep the whole page")
	}
}

func TestSourceLine(t *testing.T) {
	d, err := Normalize([]byte("# source: https://www.tzhl.gov.cn/index.html\n10月20日,区政府第45次常务会议召开。\n"), Options{URL: "https://other.example/"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.URL != "https://www.tzhl.gov.cn/index.html" {
		t.Errorf("URL = %q", d.Meta.URL)
	}
	if strings.Contains(d.Text, "source") || strings.Contains(d.Body, "source") {
		t.Errorf("source line kept: Text %q", d.Text)
	}
	if !strings.HasPrefix(d.Original, "# source:") {
		t.Errorf("Original must keep the source line: %q", d.Original)
	}
	d, err = Normalize([]byte("会议召开。"), Options{URL: "https://given.example/a"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.URL != "https://given.example/a" {
		t.Errorf("URL from options = %q", d.Meta.URL)
	}
}

func TestTitleFromText(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{"headline above metadata", "旗级要闻\n\n白玲主持召开喀喇沁旗政府2026年第1次常务会议\n\n发布日期:2026-01-09 14:48 来源:喀喇沁融媒体中心\n\n14日,旗委副书记、政府旗长白玲主持召开会议。", "白玲主持召开喀喇沁旗政府2026年第1次常务会议"},
		{"slogan is not a headline", "打造网上国际投资促进平台 致力于中国投资促进事业\n区政府召开党组(扩大)会议\n4月16日,区长方力主持召开会议。", "区政府召开党组(扩大)会议"},
		{"labelled headline", "2022-04-08\n• 会议题目 • 于晓东主持召开区政府第4次常务会议\n• 会议内容\n4月8日上午,区长于晓东主持召开区政府第4次常务会议。", "于晓东主持召开区政府第4次常务会议"},
		{"no headline", "10月20日,区政府第45次常务会议召开,听取安全生产工作情况汇报。\n智能推荐", ""},
		{"traditional headline", "區(qū)政府召開(kāi)2020年度第15次常務(wù)會(huì)議\n昨天(24日)晚上,區(qū)長(zhǎng)主持召開(kāi)常務(wù)會(huì)議,研究部署當(dāng)前重點(diǎn)工作。", "区政府召开2020年度第15次常务会议"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Normalize([]byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.want {
				t.Errorf("Title = %q, want %q", d.Title, tc.want)
			}
			if tc.want != "" && (slices.Contains(strings.Split(d.Body, "\n"), tc.want) || slices.Contains(d.Furniture, tc.want)) {
				t.Errorf("headline leaked into Body or Furniture")
			}
		})
	}
}

func TestTruncatedTail(t *testing.T) {
	page := "3月8日,县长主持召开县政府第二次常务会议。\n\n会议强调,科学精准理性有\n"
	d, err := Normalize([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(d.Body, "会议强调,科学精准理性有") {
		t.Errorf("truncated last paragraph lost: %q", d.Body)
	}
}

func TestSloganAbovePreamble(t *testing.T) {
	page := strings.Join([]string{
		"欢迎访问示例区人民政府门户网站。",
		"区政府召开第8次常务会议",
		"发布时间:2023-03-01 来源:区政府办公室",
		"2月28日,区长张三主持召开区政府第8次常务会议,研究部署安全生产工作。会议强调,要压紧压实各方责任,坚决防范遏制重特大事故发生,确保全区安全形势持续稳定。",
		"会议还研究了其他事项。",
	}, "\n")
	d, err := Normalize([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "区政府召开第8次常务会议" || !strings.HasPrefix(d.Body, "2月28日") || d.Meta.Published != "2023-03-01" {
		t.Errorf("Title %q, Published %q, Body %q", d.Title, d.Meta.Published, d.Body)
	}
	// A date row after a lead paragraph does not cut the paragraph.
	page = strings.Join([]string{
		"2月28日,区长张三主持召开区政府第8次常务会议,研究部署安全生产工作。",
		"发布时间:2023-03-01",
		"会议强调,要压紧压实各方责任,坚决防范遏制重特大事故发生,确保全区安全形势持续稳定,扎实推进各项工作落实落地见效。",
	}, "\n")
	if d, err = Normalize([]byte(page), Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Body, "2月28日") {
		t.Errorf("lead paragraph cut: %q", d.Body)
	}
}

func TestRelatedArticlesEndBody(t *testing.T) {
	tests := []struct {
		name, page, wantBody string
	}{
		{"heading line", "区政府召开第12次常务会议\n5月8日,区长周海涛主持召开区政府第12次常务会议。\n会议强调,要抓好安全生产。\n相关新闻\n滨湖区召开专题会议,研究部署重点项目推进工作。\n梁溪区召开专题会议,研究部署重点项目推进工作。",
			"5月8日,区长周海涛主持召开区政府第12次常务会议。\n会议强调,要抓好安全生产。"},
		{"bracketed heading with colon", "5月8日,区长周海涛主持召开区政府第12次常务会议。\n【推荐阅读】:\n滨湖区召开专题会议,研究部署重点项目推进工作。",
			"5月8日,区长周海涛主持召开区政府第12次常务会议。"},
		{"a sentence about related news is prose", "5月8日,区长周海涛主持召开区政府第12次常务会议。\n相关新闻报道工作要及时准确。\n会议还研究了其他事项。",
			"5月8日,区长周海涛主持召开区政府第12次常务会议。\n相关新闻报道工作要及时准确。\n会议还研究了其他事项。"},
		{"heading above the article is not its end", "相关新闻\n5月8日,区长周海涛主持召开区政府第12次常务会议。\n会议还研究了其他事项。",
			"5月8日,区长周海涛主持召开区政府第12次常务会议。\n会议还研究了其他事项。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Normalize([]byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Body != tt.wantBody {
				t.Errorf("Body = %q, want %q", d.Body, tt.wantBody)
			}
		})
	}
}
