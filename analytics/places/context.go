package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

// The words around a place name say whether the report is about it.

// organWords after a county name mark it as the report's own government or
// its leaders: 惠山区委书记, 喀喇沁旗政府, 元谋县人民政府, 蓟州区融媒体中心,
// 卫滨区召开…会议, 开江县第十九届人民政府.
var organWords = []string{
	"委", "政府", "人民政府", "人大", "政协", "融媒", "召开", "党工委", "纪委",
	"区长", "县长", "旗长", "市长", "区政府", "县政府", "旗政府", "市政府",
	"区委", "县委", "旗委", "市委", "第",
}

// organStarts holds the runes that can begin an organ after a name: the
// first runes of organWords and the numerals of a term. organAfter runs for
// every mention, and most names are followed by none of them.
var organStarts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range organWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	for _, r := range "一二三四五六七八九十" {
		m[r] = true
	}
	return m
}()

func organAfter(text string, end int) bool {
	rest := text[end:]
	if r, _ := utf8.DecodeRuneInString(rest); !organStarts[r] {
		return false
	}
	for _, w := range organWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	// 吉安县十七届政府: a term number before 届.
	n := 0
	for _, r := range rest {
		switch {
		case strings.ContainsRune("一二三四五六七八九十", r) && n < 4:
			n++
			continue
		case r == '届' && n > 0:
			return true
		}
		break
	}
	return false
}

// landmarkAfter: a short name followed by one of these is a mountain,
// road, lake … (凤凰山, 惠山古镇 is fine, 吴中路 is a street).
func landmarkAfter(text string, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[end:])
	return strings.ContainsRune("山路街道桥湖村寺站港岛园馆楼场", r)
}

// boundaryBefore: the name starts the text or follows punctuation or a
// space, so it does not end some longer word.
func boundaryBefore(text string, start int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	return start == 0 || !unicode.Is(unicode.Han, r)
}

// glueAfter: a one-character-stem name followed by one of these is part of
// a phrase (新县城, 高县域, 康县级; 海城市民, 兴城市场).
func glueAfter(text string, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[end:])
	return strings.ContainsRune("城域级乡镇区里民场容政", r)
}

// surnames are the commonest Chinese family names. Leaders' names fill
// meeting reports, and a given name can equal a county's short form
// (区长龚建阳 — 建阳区).
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

// isSurname holds the runes of surnames: a lookup per two-character
// mention, where searching the 400-character string cost more than the
// rest of the mention's evaluation.
var isSurname = func() map[rune]bool {
	m := make(map[rune]bool, len(surnames)/3)
	for _, r := range surnames {
		m[r] = true
	}
	return m
}()

// personNameAt reports whether a two-character name is probably the given
// name of a person: a surname precedes it and a person's context follows
// (主持, 同志, 、 …) or a title precedes the surname (区长龚建阳).
func personNameAt(text string, start, end int) bool {
	sur, size := utf8.DecodeLastRuneInString(text[:start])
	if size == 0 || !isSurname[sur] {
		return false
	}
	rest := text[end:]
	for _, w := range personAfter {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	title, _ := utf8.DecodeLastRuneInString(text[:start-size])
	return strings.ContainsRune("长记任员者理席", title)
}

var personAfter = []string{"主持", "同志", "出席", "参加", "列席", "指出", "强调", "表示", "讲话", "要求", "、", "，", ",", "等"}

// regionAfter: 城中区域, 河西区域 — the name is part of 区域.
func regionAfter(text string, end int) bool {
	return strings.HasPrefix(text[end:], "域")
}

// inList: a name between 、 is one of several (北京市通州区、平谷区): the
// report lists them rather than being about one.
func inList(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return before == '、' || after == '、'
}

const (
	partnerLookBack  = 40 * 3 // bytes, ~40 CJK characters
	partnerLookAhead = 45 * 3
)

var (
	partnerMarkers = []string{"与", "同", "赴", "前往", "携手"}
	partnerWords   = []string{"合作", "交流", "协作", "对接", "共建", "联动", "结对", "友好", "考察", "协同"}
	visitorWords   = []string{"来我", "到我", "莅临", "来访"} // 通州区考察团来我区
	aidWords       = []string{"对口", "帮扶", "支援", "援助", "援建"}
)

// partnerClause reports whether a name sits in a clause about working with
// another place (深化与北京市通州区、平谷区…交流合作, 赴XX区考察, 对口帮扶XX县):
// such places are not the report's own.
func partnerClause(text string, start, end int) bool {
	lo := clauseStart(text, start, partnerLookBack)
	hi := clauseEnd(text, end, partnerLookAhead)
	before, after := text[lo:start], text[end:hi]
	// cjk searches: these run for every mention in a clause with a cue
	for _, w := range aidWords {
		if i := cjk.LastIndex(before, w); i >= 0 && len(before)-i <= 12*3 {
			return true
		}
	}
	for _, w := range visitorWords {
		if cjk.Contains(after, w) {
			return true
		}
	}
	marker := false
	for _, w := range partnerMarkers {
		if cjk.Contains(before, w) {
			marker = true
			break
		}
	}
	if !marker {
		return false
	}
	for _, w := range partnerWords {
		if cjk.Contains(after, w) {
			return true
		}
	}
	return false
}

// Words that make a place name a reference to somewhere else rather than
// the report's own unit: an accident or disaster there (吸取湖北十堰张湾区燃气
// 爆炸事故教训, 做好西藏定日县地震灾后恢复重建), a model named after it
// ("晋江经验", 安吉县余村经验做法), or a place held up as a benchmark (对标昆山).
var (
	eventWords     = []string{"事故", "爆炸", "火灾", "地震", "灾害", "洪灾", "洪涝", "坍塌", "垮塌", "泥石流", "滑坡", "案件", "事件", "惨案"}
	modelWords     = []string{"经验", "模式", "做法", "样板", "范例"}
	benchmarkWords = []string{"对标", "借鉴", "学习", "赶超", "看齐", "吸取", "汲取"}
)

const (
	eventLookAhead     = 16 * 3 // bytes within the clause after the name
	modelLookAhead     = 6 * 3  // 安吉县余村经验: a village may stand between
	benchmarkLookBack  = 8 * 3
	referenceClauseEnd = "，,；;。！？!?\n"
)

// referenceContext reports whether the name at text[start:end] refers to
// another place's event or model. Only the clause around the name counts,
// so 惠山区召开会议，通报近期火灾事故 leaves 惠山区 alone, and a name followed
// by its organ (惠山区政府通报事故情况) is the unit acting, not the scene of
// an event.
func referenceContext(text string, start, end int) bool {
	after := text[end:min(len(text), end+eventLookAhead)]
	if i := strings.IndexAny(after, referenceClauseEnd); i >= 0 {
		after = after[:i]
	}
	if !organAfter(text, end) {
		for _, w := range eventWords {
			if cjk.Contains(after, w) {
				return true
			}
		}
	}
	near := after[:min(len(after), modelLookAhead+len("”"))]
	for _, w := range modelWords {
		if cjk.Contains(near, w) {
			return true
		}
	}
	before := text[max(0, start-benchmarkLookBack):start]
	if i := strings.LastIndexAny(before, referenceClauseEnd); i >= 0 {
		before = before[i:]
	}
	for _, w := range benchmarkWords {
		if cjk.Contains(before, w) {
			return true
		}
	}
	return false
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', ';', '!', '?', '\n':
		return true
	}
	return false
}

// clauseStart walks back from start to just after the previous sentence
// end, at most limit bytes.
func clauseStart(text string, start, limit int) int {
	i := start
	for i > 0 && start-i < limit {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if isSentenceEnd(r) {
			break
		}
		i -= size
	}
	return i
}

// clauseEnd walks forward from end to the next sentence end, at most limit
// bytes.
func clauseEnd(text string, end, limit int) int {
	i := end
	for i < len(text) && i-end < limit {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSentenceEnd(r) {
			break
		}
		i += size
	}
	return i
}
