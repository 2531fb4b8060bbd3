package meeting

import (
	"strings"
	"testing"
)

func TestAgendaItems(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantKinds []string // Kind of each item in order, lead-in included
		wantHeads []string // each item's text starts with these
	}{
		{
			"lead-in, review with its commentary, closing",
			"4月16日,区长方力主持召开区政府常务会议。区领导参加会议。\n会议审议了《A方案》。会议强调,要抓好落实。\n会议听取了B情况汇报。\n会议还研究了其他事项。",
			[]string{"lead", "审议", "听取", "研究"},
			[]string{"4月16日", "会议审议了《A方案》。会议强调", "会议听取了B", "会议还研究了"},
		},
		{
			"commentary at a paragraph start is its own item",
			"区委常委会召开会议。\n会议听取了改革工作汇报。\n会议指出\n深化改革至关重要。\n会议强调\n● 要把握政治方向。",
			[]string{"lead", "听取", "指出", "强调"},
			[]string{"区委常委会", "会议听取", "会议指出", "会议强调"},
		},
		{
			"numbered agenda items",
			"县长邹浩主持召开县政府第二次常务会议。\n会议共有三项议题:一是听取疫情防控工作汇报;听取财政情况汇报。\n二是研究部署2020年项目建设工作。\n三是听取关于输电线路设计委托情况的汇报。",
			[]string{"lead", "听取", "研究", "听取"},
			[]string{"县长邹浩", "会议共有三项议题", "二是研究", "三是听取"},
		},
		{
			"numbered demands stay inside their item",
			"县长主持召开常务会议。\n会议要求,一是要充分认识重要意义。二是要加强学习宣传。三是要用好条例。",
			[]string{"lead", "要求"},
			[]string{"县长主持", "会议要求"},
		},
		{
			"named meeting as subject",
			"今天(2月24日),区政府召开党组理论学习中心组学习会、常务会议。\n区政府党组理论学习中心组学习会学习贯彻了重要讲话精神。\n区政府常务会议审议了《A方案》。",
			[]string{"lead", "学习", "审议"},
			[]string{"今天", "区政府党组理论学习中心组学习会学习", "区政府常务会议审议"},
		},
		{
			"subject introduced by 随后召开的",
			"区长主持召开党组会议。\n随后召开的区政府第6次常务会议首先专题学习了安全生产重要论述,讨论了《A方案》。会议强调,要压实责任。",
			[]string{"lead", "学习"},
			[]string{"区长主持", "随后召开的"},
		},
		{
			"a convening sentence is the lead-in even with a verb after it",
			"本报讯 区委常委会近日举行会议,传达学习全市领导干部会议精神。\n会议审议并同意A汇报。",
			[]string{"lead", "审议"},
			[]string{"本报讯", "会议审议并同意"},
		},
		{
			"verbs without a subject",
			"县委书记主持召开县委常委会第24次会议。\n传达学习了全市动员会上的讲话。\n听取了考评情况汇报。\n研究确定考核优秀等次人员。\n审议了《A方案》。研究了干部处理意见。",
			[]string{"lead", "学习", "听取", "研究", "审议", "研究"},
			[]string{"县委书记", "传达学习", "听取了", "研究确定", "审议了", "研究了"},
		},
		{
			"no lead-in",
			"会议审议了《A方案》。\n会议听取了B汇报。",
			[]string{"审议", "听取"},
			[]string{"会议审议", "会议听取"},
		},
		{
			"English",
			"On the afternoon of the 18th, Chen Xiang presided over the 61st standing meeting.\nThe meeting heard and considered the regulations. The meeting emphasized that we should work hard.",
			[]string{"lead", "听取"},
			[]string{"On the afternoon", "The meeting heard"},
		},
		{"empty", "", nil, nil},
		{"only white space", " \n\t\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := AgendaItems(tt.body)
			if err := checkItems(tt.body, items); err != nil {
				t.Fatal(err)
			}
			if len(items) != len(tt.wantKinds) {
				t.Fatalf("got %d items %+v, want kinds %v", len(items), items, tt.wantKinds)
			}
			for i, it := range items {
				if it.Kind != tt.wantKinds[i] || !strings.HasPrefix(it.Text, tt.wantHeads[i]) {
					t.Errorf("item %d = %s %q, want %s starting %q", i, it.Kind, it.Text, tt.wantKinds[i], tt.wantHeads[i])
				}
				wantIndex := i
				if items[0].Kind != KindLead {
					wantIndex = i + 1
				}
				if it.Index != wantIndex {
					t.Errorf("item %d has Index %d, want %d", i, it.Index, wantIndex)
				}
			}
		})
	}
}

// Spans point into the original body even when it carries full-width
// forms, which are folded to ASCII for matching.
func TestAgendaItemsFullWidthOffsets(t *testing.T) {
	body := wide("区长主持召开常务会议,区领导参加。\n会议审议了《A方案》,要求抓好落实。\n会议听取了B汇报。")
	items := AgendaItems(body)
	if err := checkItems(body, items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || !strings.HasPrefix(items[1].Text, wide("会议审议了《A方案》,")) {
		t.Fatalf("items = %+v", items)
	}
}
