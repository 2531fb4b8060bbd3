package queries_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

// cell renders a trend row compactly: period topic mentions/reports/total value.
func trendCell(r queries.TrendRow) string {
	return fmt.Sprintf("%s %s %d/%d/%d %s", r.Period, r.Topic, r.Mentions, r.Reports, r.TotalReports, fmtValue(r.Value))
}

func fmtValue(v *float64) string {
	if v == nil {
		return "-"
	}
	if *v == math.Trunc(*v) {
		return fmt.Sprintf("%.0f", *v)
	}
	return fmt.Sprintf("%.4f", *v)
}

func TestTrends(t *testing.T) {
	db := querytest.Open(t)
	tests := []struct {
		name string
		p    queries.TrendParams
		want []string
	}{
		{
			name: "quarterly share of two topics; undated r5 left out",
			p:    queries.TrendParams{Topics: []string{"safety", "digital"}, Period: queries.Quarter, Measure: queries.Share},
			want: []string{
				"2022-Q1 safety 4/2/3 0.6667", "2022-Q1 digital 3/2/3 0.6667",
				"2022-Q2 safety 2/1/1 1", "2022-Q2 digital 0/0/1 0",
				"2022-Q3 safety 0/0/0 -", "2022-Q3 digital 0/0/0 -",
				"2022-Q4 safety 0/0/0 -", "2022-Q4 digital 0/0/0 -",
				"2023-Q1 safety 0/0/1 0", "2023-Q1 digital 4/1/1 1",
			},
		},
		{
			name: "yearly mentions",
			p:    queries.TrendParams{Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Mentions},
			want: []string{"2022 safety 6/3/4 6", "2023 safety 0/0/1 0"},
		},
		{
			name: "per 10k characters: 2022-01 has 3000 chars",
			p:    queries.TrendParams{Topics: []string{"safety"}, Period: queries.Month, Measure: queries.Per10k, Scope: queries.Scope{To: "2022-02"}},
			want: []string{"2022-01 safety 4/2/2 13.3333", "2022-02 safety 0/0/1 0"},
		},
		{
			name: "district filter",
			p:    queries.TrendParams{Topics: []string{"digital"}, Period: queries.Month, Measure: queries.Reports, Scope: queries.Scope{Districts: []string{"320206"}}},
			want: []string{"2022-01 digital 1/1/1 1", "2022-02 digital 2/1/1 1"},
		},
		{
			name: "bounds widen the axis with empty periods",
			p:    queries.TrendParams{Topics: []string{"safety"}, Period: queries.Month, Measure: queries.Share, Scope: queries.Scope{From: "2021-12", To: "2022-01"}},
			want: []string{"2021-12 safety 0/0/0 -", "2022-01 safety 4/2/2 1"},
		},
		{
			name: "kind filter",
			p:    queries.TrendParams{Topics: []string{"digital"}, Period: queries.Year, Measure: queries.Share, Scope: queries.Scope{Kind: "party_group"}},
			want: []string{"2023 digital 4/1/1 1"},
		},
		{
			name: "city and province filters are a union",
			p:    queries.TrendParams{Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Reports, Scope: queries.Scope{Cities: []string{"3205"}, Provinces: []string{"50"}}},
			want: []string{"2022 safety 2/1/1 1", "2023 safety 0/0/1 0"},
		},
		{
			name: "nothing in scope",
			p:    queries.TrendParams{Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Share, Scope: queries.Scope{Districts: []string{"110101"}}},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := queries.Trends(context.Background(), db, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, trendCell(r))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestTrendLabelsAndPeriodStart(t *testing.T) {
	db := querytest.Open(t)
	rows, err := queries.Trends(context.Background(), db, queries.TrendParams{
		Topics: []string{"safety"}, Labels: []string{"安全生产"}, Period: queries.Quarter, Measure: queries.Share,
		Scope: queries.Scope{From: "2022-04", To: "2022-06"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].TopicLabel != "安全生产" || rows[0].PeriodStart.Format("2006-01-02") != "2022-04-01" || rows[0].Measure != "share" {
		t.Fatalf("got %+v", rows)
	}
}

func TestInvalidParams(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	ok := queries.TrendParams{Topics: []string{"safety"}, Period: queries.Month, Measure: queries.Share}
	bad := map[string]queries.TrendParams{}
	p := ok
	p.Period = "week"
	bad["period"] = p
	p = ok
	p.Measure = "sum"
	bad["measure"] = p
	p = ok
	p.Topics = []string{"Safety; DROP TABLE reports"}
	bad["topic"] = p
	p = ok
	p.Topics = nil
	bad["no topic"] = p
	p = ok
	p.Districts = []string{"32020"}
	bad["district"] = p
	p = ok
	p.From = "2022-13"
	bad["from"] = p
	p = ok
	p.From, p.To = "2023-01", "2022-01"
	bad["from after to"] = p
	p = ok
	p.Labels = []string{"a", "b"}
	bad["labels"] = p
	for name, p := range bad {
		if _, err := queries.Trends(ctx, db, p); !errors.Is(err, queries.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	if _, err := queries.Compare(ctx, db, queries.CompareParams{Topics: []string{"safety"}, Level: "county", Measure: queries.Share}); !errors.Is(err, queries.ErrInvalid) {
		t.Errorf("level county: err = %v, want ErrInvalid", err)
	}
	if _, err := queries.Terms(ctx, db, queries.TermParams{Terms: []string{""}, Period: queries.Year, Measure: queries.Share}); !errors.Is(err, queries.ErrInvalid) {
		t.Errorf("empty term: err = %v, want ErrInvalid", err)
	}
}
