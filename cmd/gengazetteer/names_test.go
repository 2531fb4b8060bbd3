package main

import (
	"slices"
	"testing"
)

func TestCountyShort(t *testing.T) {
	tests := []struct{ code, name, want string }{
		{"320206", "惠山区", "惠山"},
		{"511132", "峨边彝族自治县", "峨边"},
		{"532627", "双江拉祜族佤族布朗族傣族自治县", "双江"},
		{"150722", "莫力达瓦达斡尔族自治旗", "莫力达瓦"},
		{"429021", "神农架林区", "神农架"},
		{"520203", "六枝特区", "六枝"},
		{"310115", "浦东新区", "浦东"},
		{"410104", "管城回族区", "管城"},
		{"140302", "城区", ""},
		{"610723", "洋县", ""},
		{"340176", "合肥高新技术产业开发区", ""}, // zones have no short form
	}
	for _, tt := range tests {
		if got := countyShort(tt.code, tt.name); got != tt.want {
			t.Errorf("countyShort(%s %s) = %q, want %q", tt.code, tt.name, got, tt.want)
		}
	}
}

func TestCountyKind(t *testing.T) {
	tests := []struct{ code, name, want string }{
		{"150428", "喀喇沁旗", "旗"},
		{"511132", "峨边彝族自治县", "县"},
		{"320281", "江阴市", "市"},
		{"320206", "惠山区", "区"},
		{"340176", "合肥高新技术产业开发区", "zone"},
		{"460321", "西沙群岛", "other"},
	}
	for _, tt := range tests {
		if got := countyKind(tt.code, tt.name); got != tt.want {
			t.Errorf("countyKind(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCityAndProvinceShort(t *testing.T) {
	cities := map[string]string{
		"无锡市": "无锡", "楚雄彝族自治州": "楚雄", "锡林郭勒盟": "锡林郭勒",
		"大兴安岭地区": "大兴安岭", "博尔塔拉蒙古自治州": "博尔塔拉", "伊犁哈萨克自治州": "伊犁",
	}
	for in, want := range cities {
		if got := cityShort(in); got != want {
			t.Errorf("cityShort(%s) = %q, want %q", in, got, want)
		}
	}
	provinces := map[string]string{
		"江苏省": "江苏", "北京市": "北京", "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西",
		"宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆", "西藏自治区": "西藏",
	}
	for in, want := range provinces {
		if got := provinceShort(in); got != want {
			t.Errorf("provinceShort(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestZoneAliases(t *testing.T) {
	tests := []struct {
		name, prov, city string
		want             []string
	}{
		{"合肥高新技术产业开发区", "安徽", "合肥", []string{"合肥高新区"}},
		{"河北唐山芦台经济开发区", "河北", "唐山", []string{"唐山芦台经济开发区"}},
		{"秦皇岛市经济技术开发区", "河北", "秦皇岛", []string{"秦皇岛经济技术开发区", "秦皇岛经开区"}},
		{"吉林经济开发区", "吉林", "吉林", nil}, // 经济开发区 alone names nothing
	}
	for _, tt := range tests {
		if got := zoneAliases(tt.name, tt.prov, []string{tt.city}); !slices.Equal(got, tt.want) {
			t.Errorf("zoneAliases(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSpellings(t *testing.T) {
	tests := []struct {
		in       string
		full     string // must be among the spellings
		initials string // must be among the initials
	}{
		{"九龙坡", "jiulongpo", "jlp"},
		{"喀喇沁", "kalaqin", "klq"},
		{"重庆", "chongqing", "cq"},
		{"厦门", "xiamen", "xm"},
		{"蓟州", "jizhou", "jz"},
		{"长安", "changan", "ca"},
	}
	for _, tt := range tests {
		full, ini := spellings(tt.in)
		if !slices.Contains(full, tt.full) || !slices.Contains(ini, tt.initials) {
			t.Errorf("spellings(%s) = %q, %q; want %q and %q among them", tt.in, full, ini, tt.full, tt.initials)
		}
		if len(full) > maxVariants {
			t.Errorf("spellings(%s) has %d variants, max %d", tt.in, len(full), maxVariants)
		}
	}
}
