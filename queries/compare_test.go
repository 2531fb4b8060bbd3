package queries_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

func TestCompare(t *testing.T) {
	db := querytest.Open(t)
	tests := []struct {
		name string
		p    queries.CompareParams
		want []string
	}{
		{
			name: "districts by share of safety; undated r5 counts for 惠山区",
			p:    queries.CompareParams{Topics: []string{"safety"}, Level: queries.District, Measure: queries.Share},
			want: []string{
				"1 320211 滨湖区/无锡市 safety 1/1/1 1",
				"2 320506 吴中区/苏州市 safety 2/1/1 1",
				"3 320206 惠山区/无锡市 safety 8/2/3 0.6667",
				"4 500107 九龙坡区/重庆市 safety 0/0/1 0",
			},
		},
		{
			name: "cities",
			p:    queries.CompareParams{Topics: []string{"safety"}, Level: queries.City, Measure: queries.Share},
			want: []string{
				"1 3205 苏州市/江苏省 safety 2/1/1 1",
				"2 3202 无锡市/江苏省 safety 9/3/4 0.7500",
				"3 5001 重庆市/重庆市 safety 0/0/1 0",
			},
		},
		{
			name: "provinces, two topics ranked by the first",
			p:    queries.CompareParams{Topics: []string{"digital", "safety"}, Level: queries.Province, Measure: queries.Mentions},
			want: []string{
				"1 50 重庆市/ digital 4/1/1 4", "1 50 重庆市/ safety 0/0/1 0",
				"2 32 江苏省/ digital 3/2/5 3", "2 32 江苏省/ safety 11/4/5 11",
			},
		},
		{
			name: "date bound drops undated reports",
			p:    queries.CompareParams{Topics: []string{"safety"}, Level: queries.District, Measure: queries.Mentions, Top: 1, Scope: queries.Scope{From: "2022-01", To: "2022-12"}},
			want: []string{"1 320206 惠山区/无锡市 safety 3/1/2 3"},
		},
		{
			name: "minimum reports",
			p:    queries.CompareParams{Topics: []string{"safety"}, Level: queries.District, Measure: queries.Share, MinReports: 2},
			want: []string{"1 320206 惠山区/无锡市 safety 8/2/3 0.6667"},
		},
		{
			name: "ranked by reports for the heat map, ties by value",
			p:    queries.CompareParams{Topics: []string{"carbon"}, Level: queries.District, Measure: queries.Share, Top: 2, RankByReports: true},
			want: []string{"1 320206 惠山区/无锡市 carbon 0/0/3 0", "2 320506 吴中区/苏州市 carbon 1/1/1 1"}, // ties broken by value,
		},
		{
			name: "top",
			p:    queries.CompareParams{Topics: []string{"safety"}, Level: queries.District, Measure: queries.Share, Top: 1},
			want: []string{"1 320211 滨湖区/无锡市 safety 1/1/1 1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := queries.Compare(context.Background(), db, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, fmt.Sprintf("%d %s %s/%s %s %d/%d/%d %s", r.Rank, r.Code, r.Name, r.Parent, r.Topic,
					r.Mentions, r.Reports, r.TotalReports, fmtValue(r.Value)))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
