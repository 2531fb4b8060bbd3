package textnorm

import (
	"strings"
	"unicode/utf8"
)

// The predicates in this file recognise site furniture by its wording.
// They only look at lines that are not prose (see classify), so a sentence
// that mentions 联系电话 or 首页 is never furniture.

var breadcrumbPrefixes = []string{
	"当前位置", "您现在的位置", "您的位置", "你的位置", "你现在的位置", "现在位置", "所在位置",
	"当前所在位置", "您当前的位置", "您所在的位置", "位置:",
}

// breadcrumbMarks are home links followed by a path separator.
var breadcrumbMarks = []string{"首页>", "首页》", "首页»", "首页→", "首页/", "主页>", "首页›"}

var pagerPrefixes = []string{
	"上一条", "下一条", "上一篇", "下一篇", "上一页", "下一页", "前一篇", "后一篇", "上篇:", "下篇:",
}

var captionPrefixes = []string{"▲", "△", "▼", "▽", "↑", "↓", "图为", "(图为", "图:", "图片:", "摄影:", "(摄影"}

// footerWords mark copyright, contact and hosting lines.
var footerWords = []string{
	"版权所有", "版权声明", "Copyright", "copyright", "COPYRIGHT", "©", "ICP备", "ICP证", "公网安备",
	"网安备", "联系电话", "联系方式", "传真", "邮箱", "E-mail", "Email", "email", "主办单位", "承办单位",
	"协办单位", "主办:", "承办:", "网站标识码", "网站支持", "技术支持", "与我们联系", "联系我们", "网站地图",
	"关于我们", "备案号", "建议使用", "分辨率", "浏览器", "网站纠错", "您是第", "访问次数", "欢迎您",
	"设为首页", "加入收藏", "站点地图", "隐私声明", "免责声明", "法律声明", "网站声明", "使用帮助",
	"地址:", "邮编", "邮政编码", "All Rights", "all rights", "政府网站找错", "运维",
}

// widgetWords mark font-size, print and share controls.
var widgetWords = []string{
	"字号", "字体", "打印", "关闭窗口", "关闭本页", "【关闭】", "收藏", "分享到", "扫一扫", "阅读字号",
	"浏览字体", "【大】", "【中】", "【小】", "大中小", "视力保护色", "默认", "朗读",
}

// navWords are menu entries of government and news portals.
var navWords = []string{
	"首页", "网站首页", "政务公开", "信息公开", "网上服务", "政务服务", "政民互动", "互动交流", "智能推荐",
	"无障碍", "长者模式", "关怀版", "适老化", "繁体", "简体", "繁體", "登录", "注册", "搜索", "走进",
	"在线服务", "办事服务", "新闻中心", "返回顶部", "返回首页", "返回", "更多", "相关链接", "友情链接",
	"相关文章", "相关新闻", "相关阅读", "热点新闻", "推荐阅读", "扫码", "微信", "微博", "公众号",
	"客户端", "手机版", "移动版", "English", "信访", "专题专栏", "在线访谈", "信箱", "网站导航",
	"部门网站", "便民服务", "今日头条", "抖音", "APP", "App", "头条", "网站群", "数据开放",
}

// relatedHeads head the list of other articles that portals append to a
// story (相关新闻, 推荐阅读 …). Everything after such a heading is other
// articles, however much it reads like prose.
var relatedHeads = []string{
	"相关新闻", "相关阅读", "相关文章", "相关报道", "相关稿件", "推荐阅读", "延伸阅读", "热点新闻",
	"热门新闻", "最新新闻", "更多新闻", "往期回顾", "猜你喜欢", "为您推荐", "热门推荐", "相关推荐",
}

// isRelatedHead reports whether a line is only such a heading, give or take
// brackets, bullets and a colon.
func isRelatedHead(line string) bool {
	t := strings.Trim(compact(trimBullets(line)), "【】[]()<>《》:：")
	return runeCount(t) <= 6 && hasAnyPrefix(t, relatedHeads)
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// trimBullets drops list markers and spaces at the start of a line.
func trimBullets(s string) string {
	return strings.TrimLeft(s, " •●·▪■◆◇○►>*-—–")
}

// compact removes spaces, which pages use to spread short labels (传  真).
func compact(s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		return s
	}
	return strings.ReplaceAll(s, " ", "")
}

func isBreadcrumb(stripped, comp string, runes int) bool {
	if hasAnyPrefix(stripped, breadcrumbPrefixes) || containsAny(comp, breadcrumbMarks) {
		return true
	}
	return runes <= 80 && strings.Count(comp, ">") >= 2 && !strings.Contains(comp, "。")
}

func isPager(stripped string) bool { return hasAnyPrefix(stripped, pagerPrefixes) }

func isCaption(stripped string, runes int) bool {
	return runes <= 80 && (hasAnyPrefix(stripped, captionPrefixes) || strings.Contains(stripped, "图片来源"))
}

func isFooter(comp string) bool { return containsAny(comp, footerWords) }

func isWidget(comp string, runes int) bool { return runes <= 30 && containsAny(comp, widgetWords) }

// isNav recognises menu lines: a lone menu word, or a row of short entries
// at least one of which is a menu word ("长者模式 元谋县人民政府",
// "政府信息公开 政务服务 互动交流"), or a long row of very short entries.
func isNav(line, comp string) bool {
	if strings.Contains(comp, "召开") || strings.Contains(comp, "会议") || strings.Contains(comp, "。") {
		return false
	}
	n := utf8.RuneCountInString(comp)
	if n <= 8 && containsAny(comp, navWords) {
		return true
	}
	tokens := strings.FieldsFunc(line, func(r rune) bool {
		return r == ' ' || r == '|' || r == '•' || r == '·' || r == '/' || r == '●'
	})
	if len(tokens) < 2 {
		return false
	}
	navTokens, allShort, allTiny := 0, true, true
	for _, t := range tokens {
		tn := utf8.RuneCountInString(t)
		if tn > 8 {
			allShort = false
		}
		if tn > 6 {
			allTiny = false
		}
		for _, w := range navWords {
			if strings.Contains(t, w) && tn <= utf8.RuneCountInString(w)+3 {
				navTokens++
				break
			}
		}
	}
	return allShort && (navTokens > 0 || (allTiny && len(tokens) >= 4))
}

// isPhoneLine recognises directory rows: a name and a phone number.
func isPhoneLine(comp string, runes int) bool {
	if runes > 60 {
		return false
	}
	digits := 0
	for i := 0; i <= len(comp); i++ {
		if i < len(comp) && comp[i] >= '0' && comp[i] <= '9' {
			digits++
			continue
		}
		// An 11-digit mobile number, or a landline with its area code.
		if digits == 11 && comp[i-11] == '1' {
			return true
		}
		if digits >= 7 && digits <= 8 && i-digits > 0 && comp[i-digits-1] == '-' {
			return true
		}
		digits = 0
	}
	return false
}

// isSymbolLine recognises lines without letters or Han characters: year
// lists (• 2018), empty brackets ([ ]), stray separators.
func isSymbolLine(comp string, runes int) bool {
	if runes > 12 {
		return false
	}
	for _, r := range comp {
		if isHan(r) || ((r|0x20) >= 'a' && (r|0x20) <= 'z') {
			return false
		}
	}
	return true
}

// isTabEntry recognises bulleted tab labels (• 会议内容).
func isTabEntry(line, comp string, runes int) bool {
	return runes <= 10 && trimBullets(line) != line && !strings.Contains(comp, "。")
}
