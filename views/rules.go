package views

import "strings"

// ruleLabels names the extraction rules that records carry as keys
// (date_source, evidence rules), so that a reader need not know the code.
// A composite key "month_day+published" reads its parts in turn.
var ruleLabels = map[string][2]string{
	// Where a meeting date came from (analytics/meeting).
	"text":                 {"正文完整日期", "full date in the text"},
	"text_month":           {"正文年月", "year and month in the text"},
	"month_day":            {"正文月日", "month and day in the text"},
	"relative":             {"相对日期（昨天、今天）", "relative day (yesterday, today)"},
	"relative_bracket":     {"括注中的日期", "date given in brackets"},
	"day":                  {"正文日", "day of the month in the text"},
	"day_unreliable":       {"正文日（晚于发布日，存疑）", "day of the month (after publication: unsure)"},
	"recent":               {"“近日”“日前”", "\"recently\""},
	"weekday":              {"星期几", "weekday"},
	"session_year":         {"会议届次中的年份", "year in the session name"},
	"plan_year":            {"文件名中的年份", "year in a document title"},
	"cited_event":          {"所引事件的日期", "date of a cited event"},
	"published_prev_month": {"发布日期的上一个月", "month before publication"},
	"published":            {"发布日期", "publication date"},
	"url":                  {"网址中的日期", "date in the web address"},
	"generated":            {"页面生成日期", "page generation date"},
	"none":                 {"无日期表述", "no date in the text"},
	"no_year":              {"缺年份", "year unknown"},
	"no_month":             {"缺月份", "month unknown"},
	"invalid":              {"日期不存在", "impossible date"},
	"given":                {"随输入提供", "given with the input"},
	"page_metadata":        {"网页元数据", "page metadata"},
	"presided":             {"“主持”语句", "\"presided\" sentence"},
	"session_name":         {"会议届次名称", "session name"},
	// How a district was identified (analytics/places).
	"hint_code":        {"输入提示的代码", "code given as a hint"},
	"hint_name":        {"输入提示的地名", "name given as a hint"},
	"site_code":        {"网站代码", "site code"},
	"org_code":         {"机构代码", "organisation code"},
	"index_code":       {"索引号", "index number"},
	"text_latin":       {"正文拼音或英文地名", "romanised name in the text"},
	"title":            {"标题中的地名", "place in the title"},
	"furniture":        {"页面栏目中的地名", "place in page navigation"},
	"source_name":      {"来源署名", "source line"},
	"publisher":        {"发布机构", "publisher"},
	"towns":            {"下辖乡镇", "towns of the district"},
	"text_full_name":   {"正文全称", "full name in the text"},
	"text_alias":       {"正文别称", "alias in the text"},
	"text_former_name": {"正文旧称", "former name in the text"},
	"text_short_name":  {"正文简称", "short name in the text"},
	"text_organ":       {"正文机关名称", "government body in the text"},
	"url_pinyin":       {"网址拼音", "pinyin in the web address"},
	"url_initials":     {"网址首字母", "initials in the web address"},
}

// fieldLabels names the record fields that extraction evidence is kept for.
var fieldLabels = map[string]string{
	"meeting_date":   "col.date",
	"published_date": "m.published",
	"chair":          "col.chair",
	"session":        "m.session",
	"district":       "col.district",
	"kinds":          "col.kinds",
	"meeting_kinds":  "col.kinds",
}

// RuleLabel names a rule key in lang; ok is false when some part of the key
// is unknown, and the caller should show the key as it is.
func RuleLabel(lang Lang, key string) (label string, ok bool) {
	if key == "" {
		return "", false
	}
	parts := strings.Split(key, "+")
	for i, p := range parts {
		month := false
		m, found := ruleLabels[p]
		if !found {
			// "published_month": the clue supplied only the month.
			if base, cut := strings.CutSuffix(p, "_month"); cut {
				m, found, month = ruleLabels[base], ruleLabels[base] != [2]string{}, true
			}
		}
		if !found {
			return key, false
		}
		l := m[0]
		if lang == EN {
			l = m[1]
		}
		if month {
			l += T(lang, "rule.month_only")
		}
		parts[i] = l
	}
	if lang == EN {
		return strings.Join(parts, " + "), true
	}
	return strings.Join(parts, "＋"), true
}

// FieldLabel names an evidence field in lang, or returns it unchanged.
func FieldLabel(lang Lang, field string) string {
	if k, ok := fieldLabels[field]; ok {
		return T(lang, k)
	}
	return field
}
