package places

import (
	"strings"
	"testing"
)

// meeting is a neutral report body: it uses the unit word 区 for itself but
// names no place.
const meeting = "4月16日，区长主持召开区政府第6次常务会议，研究部署安全生产工作。会议强调，全区上下要压实责任。"

type resolveCase struct {
	name     string
	clues    Clues
	wantCode string // "" = Resolve must decline
	wantRule string // checked when set
}

func runResolveCases(t *testing.T, cases []resolveCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, ok := Resolve(tc.clues)
			if tc.wantCode == "" {
				if ok {
					t.Fatalf("Resolve = %s %s (%s %q %.2f), want decline",
						res.Place.Code, res.Place.Name, res.Rule, res.Evidence, res.Score)
				}
				return
			}
			if !ok {
				t.Fatalf("Resolve declined, want %s\n%s", tc.wantCode, explain(tc.clues))
			}
			if res.Place.Code != tc.wantCode {
				t.Fatalf("Resolve = %s %s (%s %q), want %s\n%s",
					res.Place.Code, res.Place.Name, res.Rule, res.Evidence, tc.wantCode, explain(tc.clues))
			}
			if tc.wantRule != "" && res.Rule != tc.wantRule {
				t.Errorf("Rule = %s (evidence %q), want %s", res.Rule, res.Evidence, tc.wantRule)
			}
			if res.Evidence == "" || res.Score <= 0 {
				t.Errorf("Resolution lacks evidence or score: %+v", res)
			}
		})
	}
}

func TestResolveCallerHints(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"valid code wins outright", Clues{Body: "北京市朝阳区区长主持会议。", DistrictCodeHint: "320206"}, "320206", "hint_code"},
		{"invalid code is ignored", Clues{Body: "惠山区区长主持召开区政府常务会议。", DistrictCodeHint: "999999"}, "320206", ""},
		{"hint name", Clues{Body: meeting, DistrictHint: "惠山区"}, "320206", "hint_name"},
		{"ambiguous hint name needs the text", Clues{Body: meeting, DistrictHint: "朝阳区"}, "", ""},
		{"ambiguous hint name with city in text", Clues{Body: meeting + "传达北京市会议精神。", DistrictHint: "朝阳区"}, "110105", ""},
	})
}

func TestResolveCodes(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"site code field", Clues{Body: meeting, SiteCode: "3205060031"}, "320506", "site_code"},
		{"site code in furniture", Clues{Body: meeting, Furniture: "备案:苏ICP备10060399号 网站标识码:3205060031"}, "320506", "site_code"},
		{"city-level site code is not a district", Clues{Body: meeting, SiteCode: "3202000001"}, "", ""},
		{"organ credit code in 索引号", Clues{Body: "索引号:11532328015177503N-/2018-0613001 " + strings.ReplaceAll(meeting, "区", "县")}, "532328", "org_code"},
		{"索引号 that is an organisation code", Clues{Body: "信息索引号 014028901/2022-02540 " + meeting}, "", ""},
		{"索引号 beginning with a county code, with its name", Clues{Body: "索引号 620724001/2020-00144 高台县政府办 县长主持召开县政府常务会议。"}, "620724", ""},
	})
}

func TestResolveSourceAndPublisher(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"source line", Clues{Body: meeting, SourceName: "无锡市惠山区人民政府"}, "320206", "source_name"},
		{"source line with ambiguous name", Clues{Body: meeting, SourceName: "鼓楼区融媒体中心"}, "", ""},
		{"publisher", Clues{Body: meeting, Publisher: "滨湖区人民政府办公室"}, "320211", "publisher"},
		{"news agency source names no district", Clues{Body: meeting, SourceName: "新华网"}, "", ""},
	})
}

func TestResolveTextNames(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"full name with organ", Clues{Body: "富裕县县长主持召开县政府常务会议。"}, "230227", "text_organ"},
		{"banner", Clues{Body: "旗委副书记、旗长主持召开喀喇沁旗政府常务会议。"}, "150428", "text_organ"},
		{"autonomous county", Clues{Body: "县长主持召开峨边彝族自治县人民政府常务会议。"}, "511132", ""},
		{"title", Clues{Title: "临河区召开区委常委会", Body: meeting}, "150802", "title"},
		{"short name repeated with its city", Clues{Body: meeting + "推动惠山高质量发展，打造无锡惠山新名片，惠山制造业要领先。"}, "320206", "text_short_name"},
		{"short name alone, uncorroborated", Clues{Body: meeting + "打响环翠品牌。"}, "", ""},
		{"three-character short name", Clues{Body: meeting + "九龙坡要抓好安全生产。"}, "500107", "text_short_name"},
		{"alias of a merged zone", Clues{Body: "无锡高新区党工委书记主持召开会议。" + meeting}, "320214", ""},
		{"NBS zone abbreviation", Clues{Body: "合肥高新区管委会召开主任办公会。"}, "340176", ""},
		{"former county name", Clues{Body: "县长主持召开高淳县人民政府常务会议。全县上下要抓好安全生产。"}, "320118", "text_organ"},
		{"everyday-word short names", Clues{Body: meeting + "推进平安建设，维护和平稳定，东风浩荡，前进不止。"}, "", ""},
		{"phrase that is a district name", Clues{Body: meeting + "打造全国最干净城区，建设宜居新城区。"}, "", ""},
		{"qualified phrase name", Clues{Body: "阳泉市城区区长主持召开区政府常务会议。"}, "140302", ""},
		{"one-character stem inside a phrase", Clues{Body: "县长主持召开县政府常务会议，提高县域经济水平，建设健康县城。"}, "", ""},
		{"one-character stem after punctuation", Clues{Body: "县长主持召开县政府常务会议，审议《洋县“十四五”规划纲要实施中期评估》。"}, "610723", ""},
		{"short name inside a word", Clues{Body: meeting + "排查重大安全隐患，重大安全风险要化解。"}, "", ""},
		{"given name equal to a short name", Clues{Body: "区长龚建阳主持召开区政府常务会议。龚建阳强调，要抓好安全生产。"}, "", ""},
		{"English county name", Clues{Body: "Chen Xiang, county governor, presided over the standing meeting of the Nanchang County government."}, "360121", "text_latin"},
	})
}

func TestResolveAmbiguousNames(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"two 朝阳区 without a city", Clues{Body: "朝阳区区长主持召开区政府常务会议。"}, "", ""},
		{"qualified by city", Clues{Body: "北京市朝阳区区长主持召开区政府常务会议。"}, "110105", ""},
		{"qualified by the other city", Clues{Body: "长春市朝阳区区长主持召开区政府常务会议。"}, "220104", ""},
		{"qualified by city short name", Clues{Body: "无锡滨湖区召开区政府常务会议。"}, "320211", ""},
		{"city named elsewhere in the text", Clues{Body: "通州区委书记主持召开区委常委会，传达南通市委全会精神。"}, "320612", ""},
		{"county vs same-named city", Clues{Body: "县长主持召开吉安县政府常务会议。"}, "360821", ""},
		{"city alone is not a district", Clues{Body: "吉安市召开市政府常务会议，市长主持。"}, "", ""},
		{"towns decide between namesakes", Clues{Body: "鼓楼区区长主持召开区政府常务会议，研究湖滨街道、宁海路街道工作。"}, "320106", ""},
	})
}

func TestResolveContext(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"partners do not count", Clues{Body: meeting + "要加强区域联动，深化与北京市通州区、平谷区，河北省唐山市交流合作。"}, "", ""},
		{"partners do not beat the own district", Clues{Body: "蓟州区区长主持召开区政府常务会议。" + meeting + "深化与北京市通州区、平谷区交流合作。"}, "120119", ""},
		{"aid relationship", Clues{Body: meeting + "做好对口帮扶富裕县工作。"}, "", ""},
		{"visitors", Clues{Body: meeting + "会前，惠山区考察团来我区考察。"}, "", ""},
		{"furniture alone never decides", Clues{Body: meeting, Furniture: "上一条:惠山区召开常务会议\n下一条:惠山区召开党组会议\n版权所有:无锡市惠山区人民政府"}, "", ""},
		{"furniture does not beat the body", Clues{Body: "滨湖区区长主持召开区政府常务会议。", Furniture: "上一条:推动江阴经济平稳运行\n下一条:永乐店邀专家解读"}, "320211", ""},
		{"unit word filters namesakes", Clues{Body: "九龙融媒讯 区长主持召开区政府常务会议，全区上下要抓好安全生产。", URL: "https://jiulongpo.cbg.cn/show/1547-2293405.html"}, "500107", "url_pinyin"},
		{"visiting county-level city", Clues{Body: "市委常委、区委书记主持召开区委常委会。会前，江阴市委书记率队来我区考察。" + meeting}, "", ""},
		{"higher level leader", Clues{Body: "无锡市委书记杜小刚到会指导。惠山区委书记主持召开区委常委会。" + meeting}, "320206", ""},
	})
}

func TestResolveTowns(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"unique township with another township of the district", Clues{Body: meeting + "吸取庵埠镇火灾事故教训，凤凰山山火教训。"}, "445103", "towns"},
		{"unique township alone is not enough", Clues{Body: meeting + "吸取庵埠镇火灾事故教训。"}, "", ""},
		{"township with its city", Clues{Body: meeting + "潮州市庵埠镇火灾事故。"}, "445103", "towns"},
		{"several townships of one district", Clues{Body: meeting + "研究堰桥街道、钱桥街道、洛社镇、阳山镇工作。"}, "320206", "towns"},
		{"generic township names", Clues{Body: meeting + "研究城关镇、新华街道工作。"}, "", ""},
	})
}

func TestResolveURL(t *testing.T) {
	xian := strings.ReplaceAll(meeting, "区", "县")
	qi := strings.ReplaceAll(meeting, "区", "旗")
	runResolveCases(t, []resolveCase{
		{"full pinyin", Clues{Body: meeting, URL: "http://www.huancui.gov.cn/art/2024/10/23/art_41522_4976247.html"}, "371002", "url_pinyin"},
		{"full pinyin of a full name", Clues{Body: xian, URL: "http://yangxian.gov.cn/yxzf/"}, "610723", "url_pinyin"},
		{"sub-site label", Clues{Body: meeting, URL: "http://file2019.huancui.gov.cn/ztCwhyWebList?id=85"}, "371002", "url_pinyin"},
		{"city + district initials", Clues{Body: meeting, URL: "https://www.tzhl.gov.cn/index.html"}, "321202", "url_combo"},
		{"municipality + district initials", Clues{Body: meeting, URL: "http://yptimes.shyp.gov.cn/html/2021-12/28/content.htm"}, "310110", "url_combo"},
		{"municipality + district initials (蓟州)", Clues{Body: meeting, URL: "http://www.tjjz.gov.cn/zwgk/"}, "120119", "url_combo"},
		{"province + city + county initials", Clues{Body: xian, URL: "http://www.yncxym.gov.cn/info/"}, "532328", "url_combo"},
		{"banner initials", Clues{Body: qi, URL: "http://www.blzq.gov.cn/zfzx/"}, "150422", "url_initials"},
		{"sub-site under its city's host", Clues{Body: meeting, URL: "http://hs.wuxi.gov.cn/a.html"}, "320206", "url_combo"},
		{"ambiguous initials alone", Clues{Body: xian, URL: "http://yinwen.ncx.gov.cn/articles/2019/07/22/584029.shtml"}, "", ""},
		{"ambiguous initials + city in English text", Clues{Body: "the county governor conveyed the spirit of the Nanchang Municipal Committee", URL: "http://yinwen.ncx.gov.cn/articles/2019/07/22/584029.shtml"}, "360121", "url_initials"},
		{"ambiguous homophone initials + text", Clues{Body: "卫滨区召开第21次常务会议。" + meeting, URL: "http://www.wbq.gov.cn/zfcwhy/info/16688"}, "410703", ""},
		{"ambiguous homophone initials alone", Clues{Body: meeting, URL: "http://www.wbq.gov.cn/zfcwhy/info/16688"}, "", ""},
		{"aggregator subdomain does not override text", Clues{Body: "县长主持召开吉安县十七届政府第五十三次常务会议。", URL: "https://xianyang.chinamae.com/news/3f0e.html"}, "360821", ""},
		{"spam host with a county spelling loses to text", Clues{Body: "萧山区区长主持召开区政府常务会议。", URL: "http://huancui.spam-mirror.com/a.html"}, "330109", ""},
		{"path pinyin on an aggregator", Clues{Body: "县长主持召开县政府第二次常务会议。", URL: "http://xianyu.chinaxiaokang.com/qiqihaershidiji/fuyuxian/yaowen/2020/0309/2390680.html", SourceName: "富裕县人民政府网站"}, "230227", ""},
		{"initials prefix needs the city in the text", Clues{Body: meeting, URL: "https://app.wjyanghu.com/yhw/hotspot/wjxw/117884.html"}, "", ""},
		{"unit word filters URL namesakes", Clues{Body: meeting, URL: "http://www.linhe.gov.cn/html/54/18046.html"}, "150802", ""},
		{"malformed URL", Clues{Body: meeting, URL: "http://[::1"}, "", ""},
	})
}

func TestResolveEmptyAndBinary(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"empty", Clues{}, "", ""},
		{"binary", Clues{Body: "\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x00"}, "", ""},
		{"ASCII only", Clues{Body: "Lorem ipsum dolor sit amet"}, "", ""},
	})
}

func FuzzResolve(f *testing.F) {
	f.Add(meeting, "https://www.tzhl.gov.cn/index.html", "无锡市惠山区人民政府")
	f.Add("北京市通州区、平谷区\xff", "http://[::1", "")
	f.Add("索引号:11", "", "鼓楼区")
	f.Add("自治区人民政府召开会议，全区吸取湖北十堰张湾区燃气爆炸事故教训，学习“晋江经验”，沿海城市", "", "")
	f.Add("市委常委会召开会议，全市、全省、我国，瑞金市要", "http://x.gov.cn/", "")
	f.Fuzz(func(t *testing.T, body, url, source string) {
		res, ok := Resolve(Clues{Body: body, URL: url, SourceName: source, Furniture: body})
		if ok {
			if _, found := ByCode(res.Place.Code); !found || res.Rule == "" {
				t.Fatalf("Resolve returned an unknown place or no rule: %+v", res)
			}
		}
	})
}
