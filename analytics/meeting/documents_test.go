package meeting

import (
	"slices"
	"testing"
)

func TestDocuments(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		want      []string
		wantVerbs []string // when set, the verbs of the documents in order
	}{
		{"reviewed", "会议审议了《关于进一步加快推进生活垃圾分类工作的实施方案》,会议指出,要抓好落实。", []string{"关于进一步加快推进生活垃圾分类工作的实施方案"}, []string{"审议"}},
		{"list without separators", "会议还审议通过了《A方案》《B意见》《C办法》等。", []string{"A方案", "B意见", "C办法"}, []string{"审议通过", "审议通过", "审议通过"}},
		{"list with 、 and 等文件", "会议审议并原则通过了《A计划》、《B预算》和《C报告》等文件。", []string{"A计划", "B预算", "C报告"}, []string{"审议并原则通过", "审议并原则通过", "审议并原则通过"}},
		{"nested 〈〉 and <> stay one title", "会议讨论了《惠山区贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案》,又审议了《关于〈条例〉的实施意见》。", []string{"惠山区贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案", "关于〈条例〉的实施意见"}, nil},
		{"nested 《》 stays one title", "会议审议了《关于贯彻《条例》的意见》。", []string{"关于贯彻《条例》的意见"}, nil},
		{"unbracketed item before titles is not counted", "会议还审议了2023年度“双招双引”大会方案及相关系列文件、《A办法》《B规则》,听取了项目推进情况的汇报。", []string{"A办法", "B规则"}, nil},
		{"untitled item between titles", "会议研究审议了《2026年政府工作报告(讨论稿)》、2026年民生实事候选项目、《计划草案的报告(讨论稿)》等议题。", []string{"2026年政府工作报告(讨论稿)", "计划草案的报告(讨论稿)"}, []string{"研究审议", "研究审议"}},
		{"while reviewing", "会议在审议《数字产业三年行动计划(2022-2024年)》等文件时强调,要提高认识。", []string{"数字产业三年行动计划(2022-2024年)"}, nil},
		{"heard a report on", "会议听取并审议了县发改局关于《洋县“十四五”规划纲要实施中期评估》《关于调整收费标准的有关意见》的汇报。", []string{"洋县“十四五”规划纲要实施中期评估", "关于调整收费标准的有关意见"}, []string{"听取并审议", "听取并审议"}},
		{"in principle", "会议原则通过《巴林左旗国民经济和社会发展第十五个五年规划纲要》,要求抓好落实。", []string{"巴林左旗国民经济和社会发展第十五个五年规划纲要"}, []string{"原则通过"}},
		{"verb after 对 … 进行研究", "会议对《新经济产业园项目合作协议》和《委托招商协议》进行研究。", []string{"新经济产业园项目合作协议", "委托招商协议"}, []string{"研究", "研究"}},
		{"later clause of the same sentence", "会议听取了一季度安全生产工作情况汇报,讨论了《关于深化提升安全生产专项整治三年行动的实施方案》。", []string{"关于深化提升安全生产专项整治三年行动的实施方案"}, []string{"讨论"}},
		{"titles after their senders", "会议审议了县政府党组《A的请示》、县总工会党组《B的请示》和县妇联《C的请示》,同时学习了《D条例》及相关文件。", []string{"A的请示", "B的请示", "C的请示"}, nil},
		{"numbered agenda", "2.会议研究通过了《关于调整温泉禁止燃放烟花爆竹区域的通告》;", []string{"关于调整温泉禁止燃放烟花爆竹区域的通告"}, nil},
		{"mentioned twice, counted once", "会议研究讨论《政府工作报告(讨论稿)》。会议就《政府工作报告(讨论稿)》的起草情况进行了说明,确保《政府工作报告》成为好报告。", []string{"政府工作报告(讨论稿)"}, nil},

		// traps
		{"studied newspaper piece", "会议传达学习了习近平总书记近期重要讲话精神,学习了无锡日报时评《全“数”启新程加“数”向未来》。", nil, nil},
		{"relayed documents", "会议传达学习了习近平总书记的重要讲话、《关于党政机关落实习惯过紧日子要求的通知》等文件会议精神。", nil, nil},
		{"reference inside a demand", "会议讨论了《A实施方案》,会议要求,深入理解《法治政府建设实施纲要(2021-2025)》中新的要求。", []string{"A实施方案"}, nil},
		{"another subject's verb", "会议集中学习了李克强总理在研究分析当前经济形势时的讲话及《中华人民共和国国家安全法》等内容。", nil, nil},
		{"demand numbering", "会议要求,一是要充分认识到《土林保护管理条例》公布施行的重要意义。", nil, nil},
		{"unbalanced 》", "楚雄彝族自治州元谋土林保护管理条例》的出台,将进一步加强保护。会议审议了《A方案》。", []string{"A方案"}, nil},
		{"unclosed 《", "会议审议了《A方案》。会前还集中观看了《开江县", []string{"A方案"}, nil},
		{"《 closed on another line", "会议审议了《A方案\n会议指出》要抓好落实。", nil, nil},
		{"watched", "会前集中观看了《警示教育片》。", nil, nil},
		{"full-width", wide("会议审议了《A方案》,《B方案》。"), []string{"A方案", "B方案"}, nil},
		{"empty title", "会议审议了《》。", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := Documents(Input{Body: tt.body})
			var titles, verbs []string
			for _, d := range docs {
				titles = append(titles, d.Title)
				verbs = append(verbs, d.Verb)
				if d.Evidence == "" {
					t.Errorf("document %q without evidence", d.Title)
				}
			}
			if !slices.Equal(titles, tt.want) {
				t.Errorf("Documents = %q, want %q", titles, tt.want)
			}
			if tt.wantVerbs != nil && !slices.Equal(verbs, tt.wantVerbs) {
				t.Errorf("verbs = %q, want %q", verbs, tt.wantVerbs)
			}
		})
	}
}
