package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

func curveText(d *queries.Diffusion) []string {
	out := []string{}
	for _, p := range d.Curve {
		out = append(out, p.Period+" "+spaced(p.New, p.Adopted))
	}
	return out
}

func TestDiffusion(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	// safety: r1 惠山 2022-01-10, r2 滨湖 2022-01-20, r4 吴中 2022-04 (month only);
	// r5 惠山 is undated and does not count.
	d, err := queries.GetDiffusion(ctx, db, queries.DiffusionParams{Topic: "safety"})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, a := range d.Adopters {
		got = append(got, spaced(a.DistrictCode, a.MeetingDate, a.FirstDay.Format("2006-01-02"), a.AdoptedBy.Format("2006-01"), a.ReportID, a.Meetings))
	}
	// 惠山's two meetings on it: r1, and r5, undated, which the list shows too.
	want := []string{"320206 2022-01-10 2022-01-10 2022-01 r1 2", "320211 2022-01-20 2022-01-20 2022-01 r2 1", "320506 2022-04 2022-04-01 2022-04 r4 1"}
	if spaced(got) != spaced(want) {
		t.Errorf("adopters %v, want %v", got, want)
	}
	if d.Districts != 4 {
		t.Errorf("districts in scope %d, want 4 (惠山, 滨湖, 吴中, 九龙坡)", d.Districts)
	}
	// From the first adoption to the last dated report in scope (r6, 2023-03).
	curve := curveText(d)
	if len(curve) != 15 || spaced(curve[:4]) != spaced([]string{"2022-01 2 2", "2022-02 0 2", "2022-03 0 2", "2022-04 1 3"}) ||
		curve[14] != "2023-03 0 3" {
		t.Errorf("curve %v", curve)
	}
	if d.Curve[3].Share != 0.75 {
		t.Errorf("share after April %v, want 0.75 (3 of 4)", d.Curve[3].Share)
	}

	// 惠山 took up digital in r1 and again in r3: one adopter, two meetings.
	d, err = queries.GetDiffusion(ctx, db, queries.DiffusionParams{Topic: "digital", Period: queries.Quarter})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Adopters) != 2 || d.Adopters[0].ReportID != "r1" || d.Adopters[0].Meetings != 2 || d.Adopters[1].DistrictCode != "500107" {
		t.Errorf("digital adopters %+v", d.Adopters)
	}
	if c := curveText(d); spaced(c) != spaced([]string{"2022-Q1 1 1", "2022-Q2 0 1", "2022-Q3 0 1", "2022-Q4 0 1", "2023-Q1 1 2"}) {
		t.Errorf("quarterly curve %v", c)
	}

	// A term: 碳达峰 appears in r1 (2022-01), r2 (2022-01) and r6 (2023-03).
	d, err = queries.GetDiffusion(ctx, db, queries.DiffusionParams{Term: "碳达峰", Period: queries.Year})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Adopters) != 3 || d.Adopters[2].DistrictCode != "500107" || spaced(curveText(d)) != spaced([]string{"2022 2 2", "2023 1 3"}) {
		t.Errorf("term diffusion: %+v, curve %v", d.Adopters, curveText(d))
	}
	if d.Curve[1].Share != 0.75 {
		t.Errorf("share %v", d.Curve[1].Share)
	}

	// The scope narrows both the adopters and the population.
	d, err = queries.GetDiffusion(ctx, db, queries.DiffusionParams{Topic: "safety", Scope: queries.Scope{Cities: []string{"3202"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Adopters) != 2 || d.Districts != 2 || d.Curve[len(d.Curve)-1].Share != 1 {
		t.Errorf("无锡 only: %d adopters of %d districts", len(d.Adopters), d.Districts)
	}

	// Nothing matches: no adopters, no curve, the population still counted.
	d, err = queries.GetDiffusion(ctx, db, queries.DiffusionParams{Term: "不存在的词"})
	if err != nil || len(d.Adopters) != 0 || len(d.Curve) != 0 || d.Districts != 4 {
		t.Errorf("no match: %+v, %v", d, err)
	}

	for _, bad := range []queries.DiffusionParams{{}, {Topic: "safety", Term: "x"}, {Topic: "Safety!"},
		{Term: strings.Repeat("长", 51)}, {Topic: "safety", Period: "week"}} {
		if _, err := queries.GetDiffusion(ctx, db, bad); !errors.Is(err, queries.ErrInvalid) {
			t.Errorf("GetDiffusion(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

// TestDiffusionYearOnly: a meeting known only to the year proves adoption by
// December, so the monthly curve counts it there, not in January.
func TestDiffusionYearOnly(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	for _, s := range []string{
		`INSERT INTO reports (id, source, title, text, province_code, province, city_code, city, district_code, district,
			meeting_date, meeting_day, meeting_kinds, spam, chars, ingested_at)
		 VALUES ('y1', 'y1.jsonl:1', '锡山区政府工作报告', '安全生产', '32', '江苏省', '3202', '无锡市', '320205', '锡山区',
			'2022', DATE '2022-01-01', ['executive'], false, 4, now())`,
		`INSERT INTO topic_mentions (report_id, topic, mentions) VALUES ('y1', 'safety', 1)`,
	} {
		if _, err := db.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	d, err := queries.GetDiffusion(ctx, db, queries.DiffusionParams{Topic: "safety"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Adopters) != 4 || d.Adopters[0].DistrictCode != "320205" || d.Adopters[0].MeetingDate != "2022" ||
		d.Adopters[0].AdoptedBy.Format("2006-01") != "2022-12" || d.YearOnly != 1 || d.Districts != 5 {
		t.Fatalf("adopters %+v (year only %d, districts %d)", d.Adopters, d.YearOnly, d.Districts)
	}
	c := curveText(d)
	if c[0] != "2022-01 2 2" || c[3] != "2022-04 1 3" || c[11] != "2022-12 1 4" {
		t.Errorf("monthly curve %v", c)
	}
	d, err = queries.GetDiffusion(ctx, db, queries.DiffusionParams{Topic: "safety", Period: queries.Year})
	if err != nil {
		t.Fatal(err)
	}
	if c := curveText(d); spaced(c) != spaced([]string{"2022 4 4", "2023 0 4"}) {
		t.Errorf("yearly curve %v", c)
	}
}

// tableRows is a RowWriter that keeps the values it is given.
type tableRows struct {
	cols []string
	rows [][]any
}

func (c *tableRows) Header(cols []string) error { c.cols = cols; return nil }
func (c *tableRows) Row(vals []any) error {
	c.rows = append(c.rows, append([]any(nil), vals...))
	return nil
}

func TestDiffusionTable(t *testing.T) {
	db := querytest.Open(t)
	var c tableRows
	if err := queries.Stream(context.Background(), db, queries.DiffusionParams{Term: "碳达峰"}, &c); err != nil {
		t.Fatal(err)
	}
	want := "district_code district city province first_meeting_date first_day adopted_by report_id title url meetings districts_in_scope"
	if spaced(strings.Join(c.cols, " ")) != want {
		t.Errorf("columns %v", c.cols)
	}
	if len(c.rows) != 3 || spaced(c.rows[0][0], c.rows[0][4], c.rows[0][7], c.rows[0][10], c.rows[0][11]) != "320206 2022-01-10 r1 1 4" {
		t.Errorf("rows %v", c.rows)
	}
	if err := queries.Stream(context.Background(), db, queries.DiffusionParams{}, &c); !errors.Is(err, queries.ErrInvalid) {
		t.Errorf("no subject: %v", err)
	}
}
