package queries_test

import (
	"context"
	"errors"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

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
		got = append(got, a.DistrictCode+" "+a.FirstDay.Format("2006-01-02"))
	}
	want := []string{"320206 2022-01-10", "320211 2022-01-20", "320506 2022-04-01"}
	if spaced(got) != spaced(want) {
		t.Errorf("adopters %v, want %v", got, want)
	}
	if d.Districts != 4 {
		t.Errorf("districts in scope %d, want 4 (惠山, 滨湖, 吴中, 九龙坡)", d.Districts)
	}
	curve := []string{}
	for _, p := range d.Curve {
		curve = append(curve, p.Month+" "+spaced(p.New, p.Adopted))
	}
	wantCurve := []string{"2022-01 2 2", "2022-02 0 2", "2022-03 0 2", "2022-04 1 3"}
	if spaced(curve) != spaced(wantCurve) {
		t.Errorf("curve %v, want %v", curve, wantCurve)
	}
	if d.Curve[3].Share != 0.75 {
		t.Errorf("final share %v, want 0.75", d.Curve[3].Share)
	}
	// A term: 碳达峰 appears in r1 (2022-01), r2 (2022-01) and r6 (2023-03).
	d, err = queries.GetDiffusion(ctx, db, queries.DiffusionParams{Term: "碳达峰"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Adopters) != 3 || d.Adopters[2].DistrictCode != "500107" || len(d.Curve) != 15 {
		t.Errorf("term diffusion: %d adopters, %d curve months: %+v", len(d.Adopters), len(d.Curve), d.Adopters)
	}
	for _, bad := range []queries.DiffusionParams{{}, {Topic: "safety", Term: "x"}, {Topic: "Safety!"}} {
		if _, err := queries.GetDiffusion(ctx, db, bad); !errors.Is(err, queries.ErrInvalid) {
			t.Errorf("GetDiffusion(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}
