package meeting

import (
	"strings"
	"unicode/utf8"
)

// What counts as a person's name. A chair is only useful if it is a person:
// "我们支持在联合国主持下…" or "会议由区政府主持" must not yield 我们支持 or
// 区政府. Names are short runs of Han characters, so the checks are about
// which characters and words a name cannot hold, and, for a name written
// without an office before it, whether it starts with a family name.

// notNameRunes never occur in the personal names of officials: pronouns,
// particles (那 is left out: it begins Mongolian names such as 那顺孟和),
// the mask characters of redacted names, and the characters of
// organisations. Characters that are also given names or family names (志,
// 成, 子, 全, 于, 和, 向, 强 …) are deliberately absent.
const notNameRunes = "我你他她它们的了么吗呢吧这哪谁每某把被在对及与或并等" +
	"区县旗省镇乡委府党局厅室处办院队会"

// notNameWords are words that a run of Han characters before 主持 may be
// instead of a name: roles, groups, verbs of the sentence.
var notNameWords = []string{
	"支持", "会议", "召开", "主持", "领导", "同志", "负责", "主要", "成员", "班子", "全体",
	"各级", "共同", "分别", "联合", "人民", "政府", "国家", "国际", "中央", "大家", "有关",
	"相关", "所有", "一切", "各位", "全部", "部门", "单位", "企业", "工作", "委员", "常委", "书记", "代表", "专家", "群众",
	"干部", "记者", "通讯", "亲自", "专门", "随后", "最后", "首先", "然后", "同时", "主任",
}

// nameSeparators join the parts of a transcribed minority name (买买提·吐尔逊).
const nameSeparators = "·•・‧"

// compoundSurnames are the two-character family names still in use.
var compoundSurnames = []string{
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "夏侯", "公孙",
	"长孙", "宇文", "司徒", "端木", "独孤", "南宫", "轩辕", "呼延", "澹台", "申屠", "闻人",
	"万俟", "西门", "第五", "太史", "钟离", "百里", "东郭", "左丘",
}

// surnames are family names common enough to be met in officials' names,
// with the first syllables of Mongolian, Tibetan and Uyghur names that
// officials of those regions are written with (巴特尔, 扎西, 买买提).
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝" +
	"国郁揭危冼练凤丰禹钮勾粟谈狄井习展印芮封储厉宦廉满敬蔺来闻官卿伏雍居邸隆幸权滑暴水茅燕海逯鞠楚帅冀代荆庹操过原仝种嵇汝银邰伊都昝阚郜蔚桓但战母鄢宿年力初承奚益矫双言靖扶戈逄支侍甫晁蒯闾尉胥宓经" +
	"巴那乌格额宝扎次洛尼达索旦多拉普强阿买吐热努依图吾其"

// plausibleName reports whether s can be a person's name. With needSurname,
// for a name standing without an office before it, s must also start with a
// family name.
func plausibleName(s string, needSurname bool) bool {
	n := 0
	han := 0
	sep := false
	for _, r := range s {
		n++
		switch {
		case strings.ContainsRune(nameSeparators, r):
			sep = true
		case !isHan(r) || strings.ContainsRune(notNameRunes, r):
			return false
		default:
			han++
		}
	}
	if han < 2 || !sep && n > 4 || n > maxMinorityName {
		return false
	}
	for _, w := range notNameWords {
		if strings.Contains(s, w) {
			return false
		}
	}
	if !needSurname || sep {
		return true
	}
	for _, c := range compoundSurnames {
		if strings.HasPrefix(s, c) {
			return n >= 3
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	// A four-character name needs a compound family name (欧阳晓明) or a
	// transcribed one (那顺孟和); the common single family names of four-
	// character runs are phrases more often than people.
	return strings.ContainsRune(surnames, r) && (n <= 3 || strings.ContainsRune(minoritySurnames, r))
}

// minoritySurnames are the first syllables above that begin four-character
// transcribed names.
const minoritySurnames = "巴那乌格额宝扎次洛尼达索旦多拉普强阿买吐热努依图吾其包白"

// maxMinorityName bounds a name joined by · (in runes).
const maxMinorityName = 14
