package main

import (
	"fmt"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// A short place name that is also an everyday word (平安, 和平, 前进, 城中,
// 富裕 …) turns up in reports about every district, so places counts it only
// as weak support. Two sources decide which short names those are:
//
//   - gse's general dictionary: a two-character short form whose main part of
//     speech is a verb, adjective, locative, numeral etc. and that is frequent
//     (minWordFreq; the dictionary also tags rare place names such as 奉节 or
//     个旧 as verbs and adjectives) is a word first;
//   - commonShortNames below, for nouns the dictionary tags loosely
//     (it marks 和平 and 红旗 as names), reviewed by hand from the list of
//     all two-character short forms.
var wordTags = map[string]bool{
	"v": true, "vn": true, "vd": true, "a": true, "ad": true, "an": true,
	"f": true, "s": true, "d": true, "m": true, "c": true, "b": true,
	"t": true, "p": true, "r": true, "u": true, "l": true, "i": true,
	"z": true, "q": true,
}

// minWordFreq separates everyday words (平和 495, 延长 1229, 比如 5621)
// from place names the dictionary mis-tags (当阳 345, 常熟 146, 奉节 75).
const minWordFreq = 400

var commonShortNames = map[string]bool{
	"资源": true, "合作": true, "和平": true, "港口": true, "公安": true, "共和": true,
	"光明": true, "运河": true, "东风": true, "工农": true, "清水": true, "前锋": true,
	"长子": true, "洞口": true, "大方": true, "新华": true, "莲花": true, "凤凰": true,
	"向阳": true, "红旗": true, "温泉": true, "白云": true, "友谊": true, "长安": true,
	"永安": true, "江北": true, "江南": true, "河东": true, "河西": true, "新城": true,
	"城关": true, "城中": true, "市中": true, "东方": true, "平安": true, "开发": true,
	"通道": true, "中原": true, "城北": true, "城东": true, "城西": true, "城南": true,
	"青山": true, "南山": true, "金山": true, "西湖": true, "东湖": true, "南湖": true,
	"北湖": true, "天河": true, "海港": true, "滨海": true, "沙河": true, "河口": true,
	"古城": true, "新建": true, "东海": true, "南海": true, "龙门": true, "石门": true,
	"太平": true, "长寿": true, "万年": true, "天桥": true, "三元": true, "二七": true,
	"二道": true, "五峰": true, "三门": true, "大名": true, "建华": true, "新市": true,
	"新兴": true, "铁西": true, "铁东": true, "桥西": true, "桥东": true, "路南": true,
	"路北": true, "市南": true, "市北": true, "先锋": true, "东山": true, "西山": true,
	"北山": true, "安宁": true, "友好": true, "解放": true, "复兴": true, "振兴": true,
	"宏伟": true, "互助": true, "延长": true, "安定": true, "会同": true, "富裕": true,
	"平和": true, "清新": true, "胜利": true, "团结": true, "新区": true, "光泽": true,
	"大同": true, "高明": true, "南岸": true, "牡丹": true, "芙蓉": true, "上街": true,
	"同心": true, "无为": true, "平原": true, "比如": true, "南部": true, "中方": true,
	"石林": true, "长乐": true, "永和": true, "永定": true, "龙华": true, "永福": true,
}

// genericFullNames are county-level names that are also ordinary phrases
// (干净城区, 宜居新城区, 城中区域): they count only when a city names them or
// a government organ follows.
var genericFullNames = map[string]bool{
	"城区": true, "郊区": true, "矿区": true, "东区": true, "西区": true,
	"市中区": true, "城中区": true, "城东区": true, "城西区": true, "城北区": true,
	"新城区": true, "河东区": true, "河西区": true, "江北区": true, "江南区": true,
	"铁西区": true, "铁东区": true, "桥西区": true, "桥东区": true, "城关区": true,
	"新华区": true, "和平区": true, "平安区": true, "长安区": true, "向阳区": true,
	"前进区": true, "东风区": true, "红旗区": true, "白云区": true, "新区": true,
	"市北区": true, "市南区": true, "路南区": true, "路北区": true, "南山区": true,
	"青山区": true, "西湖区": true, "新兴区": true, "新市区": true, "开发区": true,
}

// wordList answers whether a string is an everyday word.
type wordList struct{ seg *gse.Segmenter }

func loadWordList() (wordList, error) {
	var seg gse.Segmenter
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		return wordList{}, fmt.Errorf("loading gse dictionary: %w", err)
	}
	return wordList{seg: &seg}, nil
}

func (w wordList) isCommonShort(s string) bool {
	if commonShortNames[s] {
		return true
	}
	if utf8.RuneCountInString(s) != 2 || w.seg == nil {
		return false
	}
	freq, pos, ok := w.seg.Find(s)
	return ok && wordTags[pos] && freq >= minWordFreq
}
