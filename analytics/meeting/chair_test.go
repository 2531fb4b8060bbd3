package meeting

import "testing"

func TestChair(t *testing.T) {
	tests := []struct {
		name      string
		in        Input
		wantName  string
		wantTitle string
	}{
		{"office then name", Input{Body: "4月16日,区长方力主持召开区政府常务会议。"}, "方力", "区长"},
		{"office chain", Input{Body: "区委副书记、区长万利主持会议。"}, "万利", "区委副书记、区长"},
		{"date between name and 主持", Input{Body: "县委副书记、县长张龙11月4日主持召开县政府第51次常务会议。"}, "张龙", "县委副书记、县长"},
		{"banner head", Input{Body: "14日,旗委副书记、政府旗长白玲主持召开喀喇沁旗政府2026年第1次常务会议。"}, "白玲", "旗委副书记、政府旗长"},
		{"two offices of a joint meeting", Input{Body: "2024年3月23日,投资区管委会主任、区政府区长龚建阳主持召开管委会、区政府第61次常务会议。"}, "龚建阳", "投资区管委会主任、区政府区长"},
		{"party secretary", Input{Body: "昨天下午,市委常委、区委书记乔俊杰主持召开区委常委会会议。"}, "乔俊杰", "市委常委、区委书记"},
		{"同志 and a room", Input{Body: "6月20日下午,区长魏海晓同志在二楼会议室主持召开区政府党组(扩大)会议。"}, "魏海晓", "区长"},
		{"chair in a later sentence", Input{Body: "昨天(7月7日)下午,区政府召开第50次常务会议。区长张建宇主持会议并讲话。"}, "张建宇", "区长"},
		{"acting and deputy offices", Input{Body: "代区长李四主持召开区政府常务会议。"}, "李四", "代区长"},
		{"executive deputy", Input{Body: "受区长委托,常务副区长王五主持召开区政府常务会议。"}, "王五", "常务副区长"},
		{"working committee secretary", Input{Body: "1月12日晚,高新区党工委书记、新吴区委书记崔荣国主持召开高新区党工委会议。"}, "崔荣国", "高新区党工委书记、新吴区委书记"},
		{"four-character name", Input{Body: "区长欧阳晓明主持召开区政府常务会议。"}, "欧阳晓明", "区长"},
		{"由 … 主持", Input{Body: "会议由区委副书记、区长万利主持。"}, "万利", "区委副书记、区长"},
		{"出席并主持", Input{Body: "区长方力出席并主持会议。"}, "方力", "区长"},
		{"name before office", Input{Body: "方力区长主持召开区政府常务会议。"}, "方力", "区长"},
		{"name before office after another office", Input{Body: "区委副书记方力代区长主持会议。"}, "方力", "代区长"},
		{"headline", Input{Title: "白玲主持召开喀喇沁旗政府2026年第1次常务会议", Body: "会议传达学习了有关精神。"}, "白玲", ""},
		{"headline with column label", Input{Body: "• 会议题目 • 于晓东主持召开区政府第4次常务会议"}, "于晓东", ""},
		{"photo caption", Input{Body: "▲李顺主持。\n会议指出,要抓好安全生产。"}, "李顺", ""},
		{"minutes field", Input{Body: "时间:2022年4月14日\n主持人:李平\n参加人员:区政府领导"}, "李平", ""},
		{"minutes field with office", Input{Body: "主持:区长李平\n出席:区政府领导"}, "李平", "区长"},
		{"full-width punctuation", Input{Body: wide("4月16日,区委副书记、区长方力主持召开会议。")}, "方力", "区委副书记、区长"},

		// traps
		{"quoted city leaders do not chair", Input{Body: "会议指出,杜小刚书记在市“两会”上的讲话,赵建军市长所作的政府工作报告,具有很强的指导性。"}, "", ""},
		{"another meeting's chair", Input{Body: "会议传达学习了市委书记杜小刚主持召开的市委常委会会议精神。区长方力主持会议。"}, "方力", "区长"},
		{"national leader", Input{Body: "会议学习了习近平总书记主持中央政治局会议时的重要讲话。"}, "", ""},
		{"masked name", Input{Body: "10月30日,县委副书记、县长******主持召开县政府常务会议。", Title: "张三主持召开县政府常务会议"}, "", "县委副书记、县长"},
		{"office without a name", Input{Body: "会议由区长主持。"}, "", ""},
		{"organisation before 主持", Input{Body: "区政府主持召开座谈会。"}, "", ""},
		{"主持人 of a show", Input{Body: "晚会由主持人介绍节目。"}, "", ""},
		{"English is left empty", Input{Lang: "en", Body: "On the afternoon of the 18th, Chen Xiang, county governor, presided over the 61st standing meeting."}, "", ""},
		{"empty", Input{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chair(tt.in)
			if got.Name != tt.wantName || got.Title != tt.wantTitle {
				t.Errorf("Chair = %q/%q (evidence %q), want %q/%q", got.Name, got.Title, got.Evidence, tt.wantName, tt.wantTitle)
			}
		})
	}
}
