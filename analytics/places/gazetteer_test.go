package places

import (
	"sort"
	"testing"
)

func TestByCode(t *testing.T) {
	tests := []struct {
		code string
		want Place
	}{
		{"320206", Place{"320206", "惠山区", "无锡市", "3202", "江苏省", "32"}},
		{"110112", Place{"110112", "通州区", "北京市", "1101", "北京市", "11"}},
		{"500229", Place{"500229", "城口县", "重庆市", "5002", "重庆市", "50"}}, // under the pseudo-city 县
		{"429004", Place{"429004", "仙桃市", "仙桃市", "4290", "湖北省", "42"}}, // 省直辖县级行政区划
		{"532328", Place{"532328", "元谋县", "楚雄彝族自治州", "5323", "云南省", "53"}},
		{"150428", Place{"150428", "喀喇沁旗", "赤峰市", "1504", "内蒙古自治区", "15"}},
	}
	for _, tt := range tests {
		got, ok := ByCode(tt.code)
		if !ok || got != tt.want {
			t.Errorf("ByCode(%s) = %+v, %v; want %+v", tt.code, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "3202", "320200", "999999", "32020６"} {
		if p, ok := ByCode(bad); ok {
			t.Errorf("ByCode(%q) = %+v, want not found", bad, p)
		}
	}
}

func TestDistricts(t *testing.T) {
	ds := Districts()
	if len(ds) != 2978 {
		t.Errorf("Districts() has %d units, want 2978 (NBS 2023)", len(ds))
	}
	if !sort.SliceIsSorted(ds, func(i, j int) bool { return ds[i].Code < ds[j].Code }) {
		t.Error("Districts() is not sorted by code")
	}
	for _, d := range ds {
		if d.Name == "" || d.City == "" || d.Province == "" || d.CityCode != d.Code[:4] || d.ProvinceCode != d.Code[:2] {
			t.Fatalf("incomplete unit %+v", d)
		}
	}
	ds[0].Name = "changed"
	if p, _ := ByCode(ds[0].Code); p.Name == "changed" {
		t.Error("Districts() exposes the package's own slice")
	}
}

func TestCityAndProvince(t *testing.T) {
	cities := []struct {
		code, want string
		ok         bool
	}{
		{"3202", "无锡市", true},
		{"1101", "北京市", true}, // 市辖区
		{"5002", "重庆市", true}, // 县
		{"5323", "楚雄彝族自治州", true},
		{"4290", "", false}, // 省直辖县级行政区划 is not a city
		{"9999", "", false},
	}
	for _, tt := range cities {
		got, ok := City(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("City(%s) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
	if got, ok := Province("15"); !ok || got != "内蒙古自治区" {
		t.Errorf("Province(15) = %q, %v", got, ok)
	}
	if _, ok := Province("99"); ok {
		t.Error("Province(99) found")
	}
	if err := LoadError(); err != nil {
		t.Errorf("LoadError() = %v", err)
	}
}

func TestTownships(t *testing.T) {
	g, err := load()
	if err != nil {
		t.Fatal(err)
	}
	c := g.counties[g.byCode["445103"]]
	found := false
	for _, tw := range c.towns {
		if tw.name == "庵埠镇" && tw.code == "445103110" {
			found = true
		}
	}
	if !found {
		t.Errorf("潮安区 lacks 庵埠镇 445103110; has %d townships", len(c.towns))
	}
}

func TestParseGazetteerErrors(t *testing.T) {
	if _, err := parseGazetteer([]byte("not gzip")); err == nil {
		t.Error("parseGazetteer accepted non-gzip data")
	}
}
