package main

import (
	"strings"
	"unicode/utf8"
)

// ethnicGroups lists the names that appear between a place name and
// 自治州/自治县/自治旗/民族乡, longest first so that 土家族 is removed before
// 家族-like tails could match. Some official names drop the 族 (博尔塔拉蒙古
// 自治州, 伊犁哈萨克自治州), so those bare forms are listed too.
var ethnicGroups = []string{
	"柯尔克孜族", "达斡尔族", "鄂温克族", "鄂伦春族", "塔吉克族", "哈萨克族",
	"维吾尔族", "土家族", "布依族", "朝鲜族", "哈尼族", "傈僳族", "拉祜族",
	"东乡族", "纳西族", "景颇族", "仫佬族", "布朗族", "撒拉族", "毛南族",
	"仡佬族", "锡伯族", "阿昌族", "普米族", "德昂族", "保安族", "裕固族",
	"独龙族", "赫哲族", "蒙古族", "门巴族", "珞巴族", "基诺族", "俄罗斯族",
	"乌孜别克族", "塔塔尔族", "高山族",
	"柯尔克孜", "维吾尔", "哈萨克", "蒙古", "塔吉克", "锡伯",
	"彝族", "藏族", "羌族", "苗族", "回族", "壮族", "侗族", "瑶族", "白族",
	"傣族", "黎族", "佤族", "畲族", "水族", "土族", "怒族", "京族", "满族",
}

// stripEthnic removes trailing ethnic-group names (峨边彝族 → 峨边,
// 双江拉祜族佤族布朗族傣族 → 双江) while keeping at least two characters.
func stripEthnic(s string) string {
	for changed := true; changed; {
		changed = false
		for _, e := range ethnicGroups {
			if rest, ok := strings.CutSuffix(s, e); ok && utf8.RuneCountInString(rest) >= 2 {
				s, changed = rest, true
				break
			}
		}
	}
	return s
}

// isZone reports whether a county-level code is one of NBS's functional
// zones (codes xxxx71–xxxx80: 经济技术开发区, 高新区, 管理区 …). They are
// statistical units rather than administrative divisions, and their names
// are handled differently: no short form, but the usual abbreviations.
// (01–20 are 区, 21–70 县 and 旗, 81–99 县级市.)
func isZone(code string) bool {
	return len(code) == 6 && code[4:6] >= "71" && code[4:6] <= "80"
}

// countyKind classifies a county-level name by the word a report uses when it
// refers to its own government (区政府, 县长, 旗委, 市长 …).
func countyKind(code, name string) string {
	switch {
	case isZone(code):
		return "zone"
	case strings.HasSuffix(name, "旗"):
		return "旗"
	case strings.HasSuffix(name, "县"):
		return "县"
	case strings.HasSuffix(name, "市"):
		return "市"
	case strings.HasSuffix(name, "区"):
		return "区"
	default:
		return "other"
	}
}

// countyShort is the form a report uses when it drops the unit word:
// 惠山区 → 惠山, 峨边彝族自治县 → 峨边, 神农架林区 → 神农架. Names whose stem
// is a single character (城区, 洋县) have no short form.
func countyShort(code, name string) string {
	if isZone(code) {
		return ""
	}
	s := name
	switch {
	case strings.HasSuffix(s, "自治县"), strings.HasSuffix(s, "自治旗"):
		s = stripEthnic(strings.TrimSuffix(strings.TrimSuffix(s, "自治县"), "自治旗"))
	case strings.HasSuffix(s, "林区"), strings.HasSuffix(s, "特区"), strings.HasSuffix(s, "新区"):
		s = string([]rune(s)[:utf8.RuneCountInString(s)-2])
	case strings.HasSuffix(s, "区"), strings.HasSuffix(s, "县"), strings.HasSuffix(s, "市"), strings.HasSuffix(s, "旗"):
		s = stripEthnic(string([]rune(s)[:utf8.RuneCountInString(s)-1])) // 管城回族区 → 管城
	default:
		return ""
	}
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// cityShort: 无锡市 → 无锡, 楚雄彝族自治州 → 楚雄, 锡林郭勒盟 → 锡林郭勒,
// 大兴安岭地区 → 大兴安岭.
func cityShort(name string) string {
	s := name
	switch {
	case strings.HasSuffix(s, "自治州"):
		s = stripEthnic(strings.TrimSuffix(s, "自治州"))
	case strings.HasSuffix(s, "地区"):
		s = strings.TrimSuffix(s, "地区")
	default:
		s = strings.TrimSuffix(strings.TrimSuffix(s, "市"), "盟")
	}
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// provinceShort: 江苏省 → 江苏, 广西壮族自治区 → 广西, 北京市 → 北京.
func provinceShort(name string) string {
	s := name
	if rest, ok := strings.CutSuffix(s, "自治区"); ok {
		s = stripEthnic(rest)
	} else {
		s = strings.TrimSuffix(strings.TrimSuffix(s, "省"), "市")
	}
	return s
}

// zoneAliases turns an NBS zone name into the forms reports use:
// 河北唐山芦台经济开发区 → 唐山芦台经济开发区, 合肥高新技术产业开发区 → 合肥高新区,
// 长春经济技术开发区 → 长春经开区. Only forms that still begin with a city
// name are kept: 经济开发区 alone names nothing.
func zoneAliases(name, provShort string, cityShorts []string) []string {
	startsWithCity := func(s string) bool {
		for _, c := range cityShorts {
			if c != "" && strings.HasPrefix(s, c) {
				return true
			}
		}
		return false
	}
	base := []string{name}
	if rest, ok := strings.CutPrefix(name, provShort); ok && startsWithCity(rest) {
		base = append(base, rest)
	}
	seen := map[string]bool{name: true}
	var out []string
	add := func(s string) {
		if !seen[s] && utf8.RuneCountInString(s) >= 4 && startsWithCity(s) {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, b := range base {
		for _, c := range cityShorts {
			if c != "" {
				if rest, ok := strings.CutPrefix(b, c+"市"); ok {
					b = c + rest
				}
			}
		}
		add(b)
		add(strings.Replace(b, "高新技术产业开发区", "高新区", 1))
		add(strings.Replace(b, "高新技术开发区", "高新区", 1))
		add(strings.Replace(b, "经济技术开发区", "经开区", 1))
	}
	return out
}
