package queries_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

func TestTerms(t *testing.T) {
	db := querytest.Open(t)
	tests := []struct {
		name string
		p    queries.TermParams
		want []string
	}{
		{
			name: "two terms by year",
			p:    queries.TermParams{Terms: []string{"碳达峰", "碳中和"}, Period: queries.Year, Measure: queries.Mentions},
			want: []string{
				"2022 碳达峰 5/2/4 5", "2022 碳中和 1/1/4 1",
				"2023 碳达峰 1/1/1 1", "2023 碳中和 0/0/1 0",
			},
		},
		{
			name: "occurrences do not overlap: 碳达峰碳达峰碳达峰 holds 峰碳 twice",
			p:    queries.TermParams{Terms: []string{"峰碳"}, Period: queries.Year, Measure: queries.Share, Scope: queries.Scope{Districts: []string{"320211"}}},
			want: []string{"2022 峰碳 2/1/1 1"},
		},
		{
			name: "html-like text is just text",
			p:    queries.TermParams{Terms: []string{"<script>"}, Period: queries.Month, Measure: queries.Reports, Scope: queries.Scope{To: "2022-01"}},
			want: []string{"2022-01 <script> 1/1/2 1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := queries.Terms(context.Background(), db, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				got = append(got, termCell(r))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// termCell renders a term row compactly: period term mentions/reports/total value.
func termCell(r queries.TermRow) string {
	return fmt.Sprintf("%s %s %d/%d/%d %s", r.Period, r.Term, r.Mentions, r.Reports, r.TotalReports, fmtValue(r.Value))
}

func TestTermsRejectsTermsAcrossLines(t *testing.T) {
	db := querytest.Open(t)
	_, err := queries.Terms(context.Background(), db, queries.TermParams{
		Terms: []string{"碳达峰\n碳中和"}, Period: queries.Year, Measure: queries.Mentions})
	if !errors.Is(err, queries.ErrInvalid) {
		t.Errorf("err = %v, want ErrInvalid", err)
	}
}
