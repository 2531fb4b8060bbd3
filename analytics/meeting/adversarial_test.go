package meeting

import (
	"slices"
	"strings"
	"testing"

	"agendascope/analytics/textnorm"
)

// The reports below are written for these tests in the shapes real reports
// from other provinces and sites take, to check that the rules generalise
// beyond the labelled corpus. Each goes through textnorm as the pipeline
// does. The wanted values are what a careful reader would answer, except
// where the comment says the package answers less on purpose.

type adversarialCase struct {
	name      string
	raw       string
	published string // YYYY-MM-DD as page metadata would give it, or ""
	url       string
	wantDate  string
	wantChair string
	wantKinds []string // checked when set
	wantDocs  []string // checked when set
}

func inputFromRaw(t testing.TB, name, raw, published, url string) Input {
	t.Helper()
	doc, err := textnorm.Normalize([]byte(raw), textnorm.Options{Name: name, URL: url})
	if err != nil {
		t.Fatalf("normalizing %s: %v", name, err)
	}
	if published == "" {
		published = doc.Meta.Published
	}
	return Input{Title: doc.Title, Body: doc.Body, Published: published, Generated: doc.Meta.Generated, URL: doc.Meta.URL, Lang: doc.Lang}
}

func runAdversarial(t *testing.T, cases []adversarialCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Extract(inputFromRaw(t, tc.name, tc.raw, tc.published, tc.url))
			if r.Date.Value != tc.wantDate {
				t.Errorf("date %q (%s, %q), want %q", r.Date.Value, r.Date.Source, r.Date.Evidence, tc.wantDate)
			}
			if r.Chair.Name != tc.wantChair {
				t.Errorf("chair %q (%q), want %q", r.Chair.Name, r.Chair.Evidence, tc.wantChair)
			}
			if tc.wantKinds != nil && !slices.Equal(r.Kinds, tc.wantKinds) {
				t.Errorf("kinds %v, want %v", r.Kinds, tc.wantKinds)
			}
			if tc.wantDocs != nil {
				var got []string
				for _, d := range r.Documents {
					got = append(got, d.Title)
				}
				if !slices.Equal(got, tc.wantDocs) {
					t.Errorf("documents %q, want %q", got, tc.wantDocs)
				}
			}
		})
	}
}

func TestAdversarialDates(t *testing.T) {
	runAdversarial(t, []adversarialCase{
		{name: "full date in December, published in January", raw: "区政府召开第42次常务会议\n发布时间：2024-01-02 09:30\n2023年12月29日下午，区委副书记、区长陈建国主持召开区政府第42次常务会议，研究部署元旦春节期间安全生产工作。",
			wantDate: "2023-12-29", wantChair: "陈建国"},
		{name: "month and day in December, published in January", raw: "区政府召开第42次常务会议\n发布时间：2024-01-02\n12月29日下午，区长陈建国主持召开区政府第42次常务会议。",
			wantDate: "2023-12-29", wantChair: "陈建国"},
		{name: "day only across the new year", raw: "区政府召开第42次常务会议\n发布时间：2024-01-02\n29日下午，区长陈建国主持召开区政府第42次常务会议。",
			wantDate: "2023-12-29", wantChair: "陈建国"},
		{name: "本月18日", raw: "县政府召开常务会议\n发布日期：2024-05-20\n本月18日上午，县长赵海峰主持召开县政府第16次常务会议，研究部署防汛备汛工作。",
			wantDate: "2024-05-18", wantChair: "赵海峰"},
		{name: "上周五", raw: "区委常委会召开会议\n发布日期：2024-05-20\n上周五下午，区委书记李卫东主持召开区委常委会会议，传达学习省委全会精神。",
			wantDate: "2024-05-17", wantChair: "李卫东", wantKinds: []string{KindPartyCommittee}},
		{name: "本周一", raw: "区政府召开常务会议\n发布日期：2024-05-22\n本周一，区长李卫东主持召开区政府常务会议。",
			wantDate: "2024-05-20", wantChair: "李卫东"},
		{name: "元月", raw: "县政府召开常务会议\n发布日期：2024-02-01\n元月5日上午，县长马国庆主持召开县政府第1次常务会议。",
			wantDate: "2024-01-05", wantChair: "马国庆"},
		// Lunar dates are not converted (no calendar table here): the
		// reader would answer 2024-02-02; the package answers nothing rather
		// than read 十二月二十三日 as 23 December.
		{name: "lunar date in words", raw: "县政府召开节前安全生产专题会议\n发布日期：2024-02-03\n农历腊月二十三上午，县长马国庆主持召开春节前安全生产专题会议，部署节日期间安全生产和森林防火工作。",
			wantDate: "", wantChair: "马国庆", wantKinds: []string{KindOther}},
		{name: "lunar date in numerals", raw: "县政府召开节前安全生产专题会议\n发布日期：2024-02-03\n农历十二月二十三日上午，县长马国庆主持召开春节前安全生产专题会议。",
			wantDate: "", wantChair: "马国庆"},
		{name: "lunar date with its Gregorian date", raw: "县政府召开节前安全生产专题会议\n发布日期：2024-02-03\n农历腊月二十三(2月2日)上午，县长马国庆主持召开春节前安全生产专题会议。",
			wantDate: "2024-02-02", wantChair: "马国庆"},
		{name: "two days, days only", raw: "区委召开十二届五次全会\n发布日期：2024-07-05\n3日至4日，中共某区委召开十二届五次全体会议，区委书记郑宏伟主持会议并讲话。",
			wantDate: "2024-07-03", wantChair: "郑宏伟"},
		{name: "two days with the month, metadata below", raw: "县委召开经济工作会议\n12月28日至29日，县委经济工作会议召开，县委书记杨志明主持会议并讲话。\n发布日期：2023-12-30",
			wantDate: "2023-12-28", wantChair: "杨志明"},
		{name: "English with the date in the URL", raw: "On the morning of January 9, the Xinwu District Government held its 15th executive meeting, chaired by District Mayor Zhang Wei. The meeting studied the work safety situation before the Spring Festival.",
			url: "http://english.xinwu.gov.cn/2024-01/10/c_12345.htm", wantDate: "2024-01-09", wantChair: "", wantKinds: []string{KindExecutive}},
		{name: "only a deadline", raw: "区政府召开常务会议\n区长孙志强主持召开区政府常务会议，要求各街道5月30日前完成隐患整改。",
			published: "2024-05-10", wantDate: "", wantChair: "孙志强"},
	})
}

func TestAdversarialChairs(t *testing.T) {
	runAdversarial(t, []adversarialCase{
		{name: "由区长…主持", raw: "区政府召开第20次常务会议\n6月3日，区政府召开第20次常务会议，会议由区长黄志刚主持。会议研究了防汛工作。",
			published: "2024-06-04", wantDate: "2024-06-03", wantChair: "黄志刚"},
		{name: "name before office, with 志 in the name", raw: "县政府召开第5次常务会议\n6月3日，黄志刚县长主持召开县政府第5次常务会议，研究部署安全生产工作。",
			published: "2024-06-04", wantDate: "2024-06-03", wantChair: "黄志刚"},
		{name: "会议由…主持 without an office", raw: "区政府召开第20次常务会议\n6月3日，区政府召开第20次常务会议。会议由黄志刚主持，副区长李成、王子豪出席。",
			published: "2024-06-04", wantDate: "2024-06-03", wantChair: "黄志刚"},
		{name: "executive deputy chairs", raw: "区政府召开第21次常务会议\n6月10日，受区长委托，常务副区长韩冬梅主持召开区政府第21次常务会议。",
			published: "2024-06-11", wantDate: "2024-06-10", wantChair: "韩冬梅"},
		{name: "deputy chairs a topic meeting", raw: "县政府召开安全生产专题会议\n4月2日下午，县政府召开安全生产专题会议，副县长刘建英主持会议。会议通报了一季度全县安全生产形势。",
			published: "2024-04-03", wantDate: "2024-04-02", wantChair: "刘建英", wantKinds: []string{KindOther}},
		{name: "name masked with X", raw: "区政府召开第22次常务会议\n6月17日，区委副书记、区长XXX主持召开区政府第22次常务会议，研究部署安全生产工作。",
			published: "2024-06-18", wantDate: "2024-06-17", wantChair: ""},
		{name: "given name masked", raw: "区政府召开第22次常务会议\n6月17日，区长张**主持召开区政府第22次常务会议。",
			published: "2024-06-18", wantDate: "2024-06-17", wantChair: ""},
		{name: "name masked with 某", raw: "区政府召开第22次常务会议\n6月17日，区长张某主持召开区政府第22次常务会议。",
			published: "2024-06-18", wantDate: "2024-06-17", wantChair: ""},
		{name: "transcribed minority name", raw: "县政府召开第9次常务会议\n8月5日，县委副书记、县长买买提·吐尔逊主持召开县政府第9次常务会议。",
			published: "2024-08-06", wantDate: "2024-08-05", wantChair: "买买提·吐尔逊"},
		{name: "relayed meeting chaired by the mayor", raw: "区政府召开第18次常务会议\n5月20日，区政府召开第18次常务会议。会议传达学习了5月15日市长李建设主持召开市政府第22次常务会议精神。区长钱志华主持会议。",
			published: "2024-05-21", wantDate: "2024-05-20", wantChair: "钱志华"},
		{name: "speech at a meeting someone else chaired", raw: "区委常委会召开会议\n区委常委会召开会议，会议学习了省委书记王建平主持召开省委常委会会议时的讲话。",
			published: "2024-05-21", wantDate: "", wantChair: "", wantKinds: []string{KindPartyCommittee}},
		{name: "under the auspices of", raw: "我们支持在联合国主持下召开中东问题国际会议，全面公正地解决中东问题。",
			wantDate: "", wantChair: ""},
		{name: "upholding justice", raw: "我代表中国政府和人民，向所有主持正义的国家表示衷心的感谢。",
			wantDate: "", wantChair: ""},
		{name: "attending leaders are not chairs", raw: "区政府召开第23次常务会议\n6月24日，区政府召开第23次常务会议，区领导张明、李华、王强出席会议。会议研究了防汛工作。",
			published: "2024-06-25", wantDate: "2024-06-24", wantChair: ""},
		{name: "reporter's byline", raw: "区政府召开第24次常务会议\n（记者 张文静 通讯员 李明）7月1日，区长陈志远主持召开区政府第24次常务会议。",
			published: "2024-07-02", wantDate: "2024-07-01", wantChair: "陈志远"},
	})
}

func TestAdversarialKindsAndDocuments(t *testing.T) {
	runAdversarial(t, []adversarialCase{
		{name: "county party committee", raw: "中共洋县县委常委会召开第86次会议\n9月5日，县委书记王建军主持召开县委常委会第86次会议，传达学习习近平总书记重要讲话精神。",
			published: "2024-09-06", wantDate: "2024-09-05", wantChair: "王建军", wantKinds: []string{KindPartyCommittee}},
		{name: "party working committee", raw: "高新区党工委召开会议\n1月10日，高新区党工委书记、新吴区委书记崔明亮主持召开高新区党工委(扩大)会议。",
			published: "2024-01-11", wantDate: "2024-01-10", wantChair: "崔明亮", wantKinds: []string{KindPartyCommittee}},
		{name: "district head's office meeting", raw: "区长办公会研究城市更新工作\n4月2日下午，区长吴思远主持召开区长办公会，专题研究老旧小区改造和城市更新工作。",
			published: "2024-04-03", wantDate: "2024-04-02", wantChair: "吴思远", wantKinds: []string{KindMayorOffice}},
		{name: "nested 〈〉 and lists joined by 、 and 和", raw: "区政府召开第30次常务会议\n8月1日，区长方志远主持召开区政府第30次常务会议。会议审议并原则通过了《关于贯彻落实〈江苏省安全生产条例〉的实施意见》、《区2024年数字化转型三年行动计划》和《区低碳发展专项资金管理办法》。会议还研究了《关于〈区城市管理条例(草案)〉修改情况的报告》和《区智慧城管平台建设方案》等事项。会议传达学习了《中华人民共和国安全生产法》。",
			published: "2024-08-02", wantDate: "2024-08-01", wantChair: "方志远", wantKinds: []string{KindExecutive},
			wantDocs: []string{"关于贯彻落实〈江苏省安全生产条例〉的实施意见", "区2024年数字化转型三年行动计划", "区低碳发展专项资金管理办法", "关于〈区城市管理条例(草案)〉修改情况的报告", "区智慧城管平台建设方案"}},
		{name: "tiny page", raw: "区政府召开常务会议，区长主持，研究安全生产工作，部署下一阶段任务。",
			wantDate: "", wantChair: "", wantKinds: []string{KindExecutive}},
	})
}

// A 1 MB page must be read in about the time its size warrants and give
// the report's own facts, not those of the articles listed after it.
func TestAdversarialHugePage(t *testing.T) {
	var b strings.Builder
	b.WriteString("区政府召开第12次常务会议\n发布时间：2024-05-09\n5月8日上午，区委副书记、区长周海涛主持召开区政府第12次常务会议。\n相关新闻\n")
	for i := 0; b.Len() < 1_000_000; i++ {
		b.WriteString("某区召开专题会议，副区长王立新主持会议，研究部署重点项目推进工作，要求各部门于6月30日前完成目标任务。\n")
	}
	runAdversarial(t, []adversarialCase{
		{name: "huge page", raw: b.String(), wantDate: "2024-05-08", wantChair: "周海涛", wantKinds: []string{KindExecutive}},
	})
}
