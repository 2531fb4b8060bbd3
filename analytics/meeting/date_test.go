package meeting

import (
	"strings"
	"testing"
)

// wide rewrites ASCII punctuation and digits to their full-width forms, as
// pages that were not NFKC-folded upstream carry them.
func wide(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r <= '~' && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r - '!' + 0xFF01
		}
		return r
	}, s)
}

func TestResolveDate(t *testing.T) {
	tests := []struct {
		name    string
		in      Input
		want    string
		wantSrc string
	}{
		// full date in text
		{"full date", Input{Body: "2022年4月14日上午,区长李平主持召开第6次区政府常务会议。"}, "2022-04-14", "text"},
		{"full date beats publication", Input{Body: "2022年4月14日上午,区长李平主持召开会议。", Published: "2023-01-01"}, "2022-04-14", "text"},
		{"full date in Chinese numerals", Input{Body: "二〇二二年四月十四日,区长李平主持召开区政府常务会议。"}, "2022-04-14", "text"},
		{"full-width forms", Input{Body: wide("2022年4月14日上午,区长李平主持召开会议。")}, "2022-04-14", "text"},
		{"impossible date", Input{Body: "2022年2月30日,区长李平主持召开会议。"}, "", "invalid"},
		{"year and month only", Input{Body: "2022年4月,区政府召开常务会议。"}, "2022-04", "text_month"},

		// month and day with the year of the publication date
		{"month day + published", Input{Body: "4月16日,区长方力主持召开区政府常务会议。", Published: "2022-04-22"}, "2022-04-16", "month_day+published"},
		{"December meeting published in January", Input{Body: "12月30日,区长方力主持召开区政府常务会议。", Published: "2023-01-04"}, "2022-12-30", "month_day+published"},
		{"same day as publication", Input{Body: "4月8日上午,区长于晓东主持召开区政府第4次常务会议。", Published: "2022-04-08"}, "2022-04-08", "month_day+published"},
		{"month day far after publication", Input{Body: "8月5日,区长方力主持召开会议。", Published: "2024-03-01"}, "", "no_year"},
		{"evening", Input{Body: "1月12日晚,区委书记崔荣国主持召开区委常委会会议。", Published: "2023-01-13"}, "2023-01-12", "month_day+published"},
		{"typo without 日", Input{Body: "3月8,县长邹浩主持召开县政府第二次常务会议。", Published: "2020-03-09"}, "2020-03-08", "month_day+published"},
		{"号 for 日", Input{Body: "3月8号上午,县长邹浩主持召开县政府常务会议。", Published: "2020-03-09"}, "2020-03-08", "month_day+published"},
		{"month day + URL year/month/day", Input{Body: "10月23日上午,区委常委会召开第138次(扩大)会议。", URL: "http://www.huancui.gov.cn/art/2024/10/23/art_41522_4976247.html"}, "2024-10-23", "month_day+url"},
		{"month day + URL t-stamp", Input{Body: "1月19日,旗长秦怀东主持召开2026年第1次旗政府常务会议。", URL: "http://www.blzq.gov.cn/zfzx/jrzq/202601/t20260120_2714764.html"}, "2026-01-19", "month_day+url"},
		{"month day + URL dashed", Input{Body: "9月25日,区委书记乔俊杰主持召开区委常委会会议。", URL: "https://app.wjyanghu.com/yhw/hotspot/wjxw/2022-09-26/117884.html"}, "2022-09-25", "month_day+url"},
		{"month day + URL art/2026", Input{Body: "2月3日,区长程学锋主持召开区政府常务会议。", URL: "http://www.gangcheng.gov.cn/col37044/art/2026/art_37044_4807004.html"}, "2026-02-03", "month_day+url"},
		{"month day + URL /2020/0309/", Input{Body: "3月8日,县长邹浩主持召开县政府常务会议。", URL: "http://x.example.com/fuyuxian/yaowen/2020/0309/2390680.html"}, "2020-03-08", "month_day+url"},
		{"month day + URL month folder", Input{Body: "10月19日,县长张军主持召开县政府2023年第13次常务会议。", URL: "http://yangxian.gov.cn/yxzf/yxxw/202310/5ccca541.shtml"}, "2023-10-19", "month_day+url"},
		{"month day + generated", Input{Body: "县委副书记、县长张龙11月4日主持召开县政府第51次常务会议。", Generated: "2020-11-05"}, "2020-11-04", "month_day+generated"},
		{"metadata beats URL", Input{Body: "4月16日,区长方力主持召开会议。", Published: "2022-04-22", URL: "http://x.gov.cn/2019/01/01/1.html"}, "2022-04-16", "month_day+published"},

		// relative days
		{"yesterday + URL", Input{Body: "昨天下午,市委常委、区委书记乔俊杰主持召开区委常委会会议。", URL: "https://app.wjyanghu.com/yhw/hotspot/wjxw/2022-09-26/117884.html"}, "2022-09-25", "relative+url"},
		{"today + published", Input{Body: "今天上午,区长方力主持召开区政府常务会议。", Published: "2022-04-22"}, "2022-04-22", "relative+published"},
		{"day before yesterday across a month", Input{Body: "前天,区长方力主持召开区政府常务会议。", Published: "2022-05-01"}, "2022-04-29", "relative+published"},
		{"yesterday with bracketed month and day", Input{Body: "昨天(7月7日)下午,区政府召开第50次常务会议。", Published: "2023-07-10"}, "2023-07-07", "relative_bracket+published"},
		{"today with bracket, year from plans", Input{Body: "今天(2月24日),区政府召开常务会议。\n会议审议了《2025年森林防灭火工作要点》。\n会议审议了《区2025年安全生产督查工作方案》。"}, "2025-02-24", "relative_bracket+plan_year"},
		{"yesterday(24日), year from session, month from cited event", Input{Body: "昨天(24日)晚上,区长张广贤主持召开2020年度区政府第15次常务会议。\n会议强调,要深刻吸取“11·4”凤凰山山火、“12·16”庵埠镇较大火灾事故教训。"}, "2020-12-24", "relative_bracket+session_year+cited_event"},
		{"bracketed day agrees with publication", Input{Body: "昨天(24日)晚上,区长张广贤主持召开区政府常务会议。", Published: "2020-12-25"}, "2020-12-24", "relative+published"},
		{"bracketed day outranks the arithmetic", Input{Body: "昨天(23日)晚上,区长张广贤主持召开区政府常务会议。", Published: "2020-12-25"}, "2020-12-23", "relative_bracket+published"},
		{"yesterday, nothing else", Input{Body: "昨天下午,区长方力主持召开区政府常务会议。"}, "", "no_month"},
		{"cited event after the day gives no month", Input{Body: "昨天(10日)晚上,区长张广贤主持召开2020年度区政府第15次常务会议。要吸取“12·16”火灾教训。"}, "", "no_month"},

		// day only
		{"day only, within the month", Input{Body: "14日,旗长白玲主持召开旗政府常务会议。", Published: "2026-01-19"}, "2026-01-14", "day+published"},
		{"day after the publication day is unreliable", Input{Body: "14日,旗委副书记、政府旗长白玲主持召开喀喇沁旗政府2026年第1次常务会议。", Published: "2026-01-09"}, "2026-01", "day_unreliable+published"},
		{"day just before a new month", Input{Body: "30日,区长方力主持召开区政府常务会议。", Published: "2024-01-03"}, "2023-12-30", "day+published_prev_month"},
		{"last month's day", Input{Body: "上月28日,区长方力主持召开区政府常务会议。", Published: "2024-03-10"}, "2024-02-28", "day+published_prev_month"},
		{"garbled day 131日", Input{Body: "131日,县长吴海芬主持召开第十七届人民政府第25次常务会议。", Published: "2018-06-13"}, "", "none"},

		// recent
		{"近日 + URL month", Input{Body: "本报讯 区委常委会近日举行会议,区委书记谢坚钢主持会议并讲话。", URL: "http://yptimes.shyp.gov.cn/html/2021-12/28/content_9399_14317701.htm"}, "2021-12", "recent+url"},
		{"日前 + published", Input{Body: "日前,区政府召开常务会议。", Published: "2021-12-28"}, "2021-12", "recent+published"},
		{"日前 without publication", Input{Body: "日前,区政府召开常务会议。"}, "", "no_month"},
		{"deadline 日前 is not recent", Input{Body: "区政府召开常务会议,要求5月30日前完成整改。"}, "", "none"},

		// nothing knowable
		{"month day, no year anywhere", Input{Body: "10月20日,区政府第45次常务会议召开,听取安全生产工作汇报。", URL: "https://www.tzhl.gov.cn/index.html"}, "", "no_year"},
		{"range years are not plan years", Input{Body: "4月1日,区长主持召开常务会议。会议审议了《三年行动计划(2022-2024年)》。"}, "", "no_year"},
		{"plan year not used late in the year", Input{Body: "12月20日,区长主持召开常务会议。会议审议了《2026年重点工作计划》。"}, "", "no_year"},
		{"report year is not a plan year", Input{Body: "2月3日,区长主持召开常务会议。会议听取《关于2025年度法治政府建设工作情况的报告》。"}, "", "no_year"},
		{"empty", Input{}, "", "none"},

		// which date is the meeting's
		{"first meeting date wins over later dates", Input{Body: "4月16日,区长方力主持召开区政府常务会议。\n会议传达学习了4月10日全市安全生产会议精神,要求4月30日前完成。", Published: "2022-04-22"}, "2022-04-16", "month_day+published"},
		{"later dates alone do not date the meeting", Input{Body: "区长方力主持召开区政府常务会议。\n会议传达了10月21号国务院常务会议精神。", Published: "2022-10-25"}, "", "none"},
		{"another meeting's date before 召开的", Input{Body: "区政府召开常务会议,传达市委10月20日召开的全会精神。", Published: "2022-10-25"}, "", "none"},
		{"metadata date in the body is skipped", Input{Body: "更新时间:2019年1月3日 10:24 来源:萧山网\n1月2日下午,区政府召开十六届第六次常务会议。", Published: "2019-01-03"}, "2019-01-02", "month_day+published"},
		{"date inside a title is skipped", Input{Body: "区政府召开会议,学习《4月1日起施行的条例》。"}, "", "none"},
		{"minutes time field", Input{Body: "时间:2022年4月14日\n地点:区行政中心\n主持:李平"}, "2022-04-14", "text"},
		{"title date when the body has none", Input{Title: "区政府召开第6次常务会议(2022年4月14日)", Body: "区长李平主持会议。"}, "2022-04-14", "text"},

		// English
		{"English: the 18th + URL", Input{Lang: "en", Body: "On the afternoon of the 18th, Chen Xiang, county governor, presided over the 61st standing meeting of the county government.", URL: "http://yinwen.ncx.gov.cn/articles/2019/07/22/584029.shtml"}, "2019-07-18", "day+url"},
		{"English detected without Lang", Input{Body: "On July 18, Chen Xiang, county governor, presided over the 61st standing meeting of the county government.", Published: "2019-07-22"}, "2019-07-18", "month_day+published"},
		{"English full date", Input{Lang: "en", Body: "On July 18, 2019, the county government held its 61st standing meeting."}, "2019-07-18", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ResolveDate(tt.in)
			if got.Value != tt.want || got.Source != tt.wantSrc {
				t.Errorf("ResolveDate = %q (%s, evidence %q), want %q (%s)", got.Value, got.Source, got.Evidence, tt.want, tt.wantSrc)
			}
		})
	}
}

func TestResolveDateEvidenceNamesItsClues(t *testing.T) {
	got := ResolveDate(Input{Body: "昨天(24日)晚上,区长张广贤主持召开2020年度区政府第15次常务会议。要吸取“12·16”火灾教训。"})
	for _, want := range []string{"昨天(24日)", "2020年度区政府第15次常务会议", "12·16"} {
		if !strings.Contains(got.Evidence, want) {
			t.Errorf("evidence %q lacks %q", got.Evidence, want)
		}
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ url, want string }{
		{"http://www.huancui.gov.cn/art/2024/10/23/art_41522_4976247.html", "2024-10-23"},
		{"https://www.haicang.gov.cn/xx/cwhy/202404/t20240407_1045338.htm", "2024-04-07"},
		{"https://app.wjyanghu.com/yhw/hotspot/wjxw/2022-09-26/117884.html", "2022-09-26"},
		{"http://yptimes.shyp.gov.cn/html/2021-12/28/content_9399_14317701.htm", "2021-12-28"},
		{"http://xianyu.chinaxiaokang.com/fuyuxian/yaowen/2020/0309/2390680.html", "2020-03-09"},
		{"http://www.gangcheng.gov.cn/col37044/art/2026/art_37044_4807004.html", "2026"},
		{"http://yangxian.gov.cn/yxzf/yxxw/202310/5ccca541ffae457cb5dd704b337edb92.shtml", "2023-10"},
		{"http://www.chaoan.gov.cn/ywdt/cayw/content/post_3798427.html", ""},
		{"http://hacker2.cn/2019_subject/2019xslh/lhjd/3021905.shtml", ""},
		{"http://www.linhe.gov.cn/html/54/18046.html", ""},
		{"http://x.gov.cn/2022/13/45/1.html", "2022"}, // the impossible day and month are dropped, the year stands
		{"http://x.gov.cn/list?date=2022/01/05/", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, _, _ := urlDate(tt.url)
		if got.String() != tt.want {
			t.Errorf("urlDate(%q) = %q, want %q", tt.url, got.String(), tt.want)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"6", 6}, {"48", 48}, {"十", 10}, {"十二", 12}, {"二十三", 23}, {"五十三", 53},
		{"一百零八", 108}, {"二〇二二", 2022}, {"两", 2}, {"", -1}, {"6a", -1}, {"甲", -1},
	}
	for _, tt := range tests {
		if got := number(tt.in); got != tt.want {
			t.Errorf("number(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
