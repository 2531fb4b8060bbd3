package meeting

import "testing"

func TestSession(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"term, government, number", Input{Body: "区长方力主持召开区政府党组(扩大)会议暨理论学习中心组学习会和五届区政府第6次常务会议。"}, "五届区政府第6次常务会议"},
		{"year of the session", Input{Body: "区长张广贤主持召开2020年度区政府第15次常务会议。"}, "2020年度区政府第15次常务会议"},
		{"party committee session", Input{Body: "崔荣国主持召开高新区党工委会议暨二届区委常委会第48次会议。"}, "二届区委常委会第48次会议"},
		{"number first", Input{Body: "区长李平主持召开第6次区政府常务会议。"}, "第6次区政府常务会议"},
		{"body before the shortened title", Input{Title: "区政府召开2020年度第15次常务会议", Body: "主持召开2020年度区政府第15次常务会议。"}, "2020年度区政府第15次常务会议"},
		{"title when the body has none", Input{Title: "无锡市滨湖区政府召开第6次常务会议", Body: "会议审议了有关文件。"}, "区政府召开第6次常务会议"[len("区政府召开"):]},
		{"year without 度", Input{Body: "县长张军主持召开县政府2023年第13次常务会议。"}, "县政府2023年第13次常务会议"},
		{"term after government", Input{Body: "主持召开区政府十五届第21次常务会议。"}, "区政府十五届第21次常务会议"},
		{"people's government", Input{Body: "主持召开开江县第十九届人民政府第61次常务会议。"}, "第十九届人民政府第61次常务会议"},
		{"Chinese numerals", Input{Body: "主持召开吉安县十七届政府第五十三次常务会议。"}, "十七届政府第五十三次常务会议"},
		{"committee standing meeting", Input{Body: "主持召开中共临河区第十四届委员会第16次常委会。"}, "第十四届委员会第16次常委会"},
		{"enlarged meeting", Input{Body: "区委常委会召开第138次(扩大)会议。"}, "第138次(扩大)会议"},
		{"county committee, term, 常委会议", Input{Body: "县委书记陆晓延主持召开县委十六届第43次常委会议。"}, "县委十六届第43次常委会议"},
		{"term before committee", Input{Body: "县委书记主持召开县十五届县委常委会第24次会议。"}, "十五届县委常委会第24次会议"},
		{"commission session in parentheses", Input{Body: "召开区政府全体(扩大)会议(区安全生产委员会2025年第四次会议)。"}, ""},
		{"a commission's session is not tracked", Input{Body: "召开区安全生产委员会2025年第四次会议。"}, ""},
		{"plenum referred to", Input{Body: "会议学习了中国共产党第十九届中央委员会第五次全体会议精神。"}, ""},
		{"bare 第二次会议 is no session", Input{Body: "全区召开第二次会议。"}, ""},
		{"no number", Input{Body: "区政府召开常务会议。"}, ""},
		{"English", Input{Lang: "en", Body: "Chen Xiang presided over the 61st standing meeting of the county government."}, "61st standing meeting of the county government"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ev := Session(tt.in)
			if got != tt.want {
				t.Errorf("Session = %q (evidence %q), want %q", got, ev, tt.want)
			}
			if got != "" && ev == "" {
				t.Errorf("Session %q without evidence", got)
			}
		})
	}
}
