package ingest

import (
	"testing"
	"time"
)

func TestMeetingDayAndMonth(t *testing.T) {
	tests := []struct {
		date      string
		day       string // "" when the date does not parse
		wantMonth string // "" when the report belongs to no month
	}{
		{"2022-03-15", "2022-03-15", "2022-03-01"},
		{"2022-03", "2022-03-01", "2022-03-01"},
		{"2022", "2022-01-01", ""},
		{"2022-3-15", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		d, ok := MeetingDay(tt.date)
		if got := d.Format("2006-01-02"); ok != (tt.day != "") || (ok && got != tt.day) {
			t.Errorf("MeetingDay(%q) = %s, %v; want %q", tt.date, got, ok, tt.day)
			continue
		}
		if !ok {
			continue
		}
		m := MeetingMonth(tt.date, d)
		got := ""
		if m != nil {
			got = m.(time.Time).Format("2006-01-02")
		}
		if got != tt.wantMonth {
			t.Errorf("MeetingMonth(%q) = %q, want %q", tt.date, got, tt.wantMonth)
		}
	}
}
