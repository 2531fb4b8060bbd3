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

func TestMeetings(t *testing.T) {
	db := querytest.Open(t)
	tests := []struct {
		name  string
		p     queries.MeetingsParams
		total int64
		ids   string
	}{
		{"all, newest first, undated last", queries.MeetingsParams{Limit: 10}, 6, "r6 r4 r3 r2 r1 r5"},
		{"second page", queries.MeetingsParams{Limit: 2, Offset: 2}, 6, "r3 r2"},
		{"past the end", queries.MeetingsParams{Limit: 2, Offset: 10}, 6, ""},
		{"topic", queries.MeetingsParams{Topics: []string{"safety"}, Limit: 10}, 4, "r4 r2 r1 r5"},
		{"any of two topics", queries.MeetingsParams{Topics: []string{"carbon", "digital"}, Limit: 10}, 4, "r6 r4 r3 r1"},
		{"full text", queries.MeetingsParams{Scope: queries.Scope{Q: "碳达峰"}, Limit: 10}, 3, "r6 r2 r1"},
		{"period drill-down", queries.MeetingsParams{Scope: queries.Scope{From: "2022-01", To: "2022-03"}, Topics: []string{"safety"}, Limit: 10}, 2, "r2 r1"},
		{"district", queries.MeetingsParams{Scope: queries.Scope{Districts: []string{"320206"}}, Limit: 10}, 3, "r3 r1 r5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := queries.Meetings(context.Background(), db, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range page.Rows {
				ids = append(ids, r.ID)
			}
			if page.Total != tt.total || strings.Join(ids, " ") != tt.ids {
				t.Errorf("got %d [%s], want %d [%s]", page.Total, strings.Join(ids, " "), tt.total, tt.ids)
			}
		})
	}
	page, err := queries.Meetings(context.Background(), db, queries.MeetingsParams{Scope: queries.Scope{Districts: []string{"320206"}}, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := page.Rows[0]
	if got := spaced(r.MeetingDate, r.District, r.DistrictCode, r.MeetingKinds, r.Chars, r.Topics); got != "2022-02-05 惠山区 320206 party_committee 500 map[digital:2]" {
		t.Errorf("row = %s", got)
	}
	if _, err := queries.Meetings(context.Background(), db, queries.MeetingsParams{Limit: queries.MaxPageSize + 1}); !errors.Is(err, queries.ErrInvalid) {
		t.Errorf("oversized page: err = %v", err)
	}
}

func TestGetMeeting(t *testing.T) {
	db := querytest.Open(t)
	m, err := queries.GetMeeting(context.Background(), db, "r1")
	if err != nil {
		t.Fatal(err)
	}
	got := spaced(m.District, m.MeetingDate, m.MeetingKinds, m.Topics, len(m.Items), m.Items[0].Topics, m.Documents, m.Chars)
	want := "惠山区 2022-01-10 [executive] [{safety 3} {digital 1}] 2 [{safety 2}] [{0 惠山区安全生产专项整治方案 审议}] 1000"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !strings.HasPrefix(m.Text, querytest.Text1) {
		t.Errorf("text = %.40q", m.Text)
	}
	// An item's text is its span of the report's text, not a stored copy.
	if got := spaced(m.Items[0].Text, m.Items[1].Text); got != "会议研究安全生产工作 会议强调推进数字化转型" {
		t.Errorf("item texts = %s", got)
	}
	m4, err := queries.GetMeeting(context.Background(), db, "r4")
	if err != nil {
		t.Fatal(err)
	}
	if spaced(m4.Warnings, m4.MeetingDate) != "[date_month_only] 2022-04" {
		t.Errorf("r4 warnings/date = %v %s", m4.Warnings, m4.MeetingDate)
	}
	if _, err := queries.GetMeeting(context.Background(), db, "nope"); !errors.Is(err, queries.ErrNotFound) {
		t.Errorf("missing meeting: err = %v, want ErrNotFound", err)
	}
}

func TestOverview(t *testing.T) {
	db := querytest.Open(t)
	o, err := queries.GetOverview(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	got := spaced(o.Reports, o.Dated, o.Undated, o.MonthOnly, o.Spam, o.NoDistrict, o.WithWarnings, o.Districts,
		o.FirstDay, o.LastDay, o.Chars, o.IngestErrors)
	if want := "6 5 1 1 1 0 1 4 2022-01-10 2023-03-03 6800 1"; got != want {
		t.Errorf("totals %s, want %s", got, want)
	}
	topics := map[string]string{}
	for _, tp := range o.Topics {
		topics[tp.Topic] = fmt.Sprint(tp.Reports, "/", tp.Mentions)
	}
	if got := fmt.Sprint(topics); got != "map[carbon:1/1 digital:3/7 safety:4/11]" {
		t.Errorf("topics %s", got)
	}
	if got := fmt.Sprint(o.Years, o.Kinds); got != "[{0 1} {2022 4} {2023 1}] [{executive 5} {party_committee 1} {party_group 1}]" {
		t.Errorf("years, kinds %s", got)
	}
	if got := fmt.Sprint(o.Monthly); got != "[{2022-01 2} {2022-02 1} {2022-04 1} {2023-03 1}]" {
		t.Errorf("monthly %s", got)
	}
	names, err := queries.PlaceNames(context.Background(), db, []string{"320206", "3205", "50", "110101"})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(names); got != "map[320206:惠山区 3205:苏州市 50:重庆市]" {
		t.Errorf("place names %s", got)
	}
}

// spaced formats values separated by single spaces, whatever their types.
func spaced(v ...any) string { return strings.TrimSuffix(fmt.Sprintln(v...), "\n") }
