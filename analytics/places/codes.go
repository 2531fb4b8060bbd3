package places

import "strings"

// Codes on a government page name its unit outright:
//   - 网站标识码 (site identity code), whose first six digits are the
//     administrative code of the site's owner: 3205060031 → 320506;
//   - a 统一社会信用代码 of a government organ (first two characters 11),
//     whose characters 3–8 are the registering unit's code:
//     11532328015177503N → 532328;
//   - 索引号 of 政府信息公开 pages, which often (not always: 014028901/2022-…
//     is an organisation code) begin with the county code.

type codeClue struct {
	rule   string
	code   string // six digits
	weight float64
}

// siteCodeClue turns a 网站标识码 into a county code clue.
func siteCodeClue(s string) (codeClue, bool) {
	d := leadingDigits(s)
	if len(d) < 6 {
		return codeClue{}, false
	}
	return codeClue{rule: "site_code", code: d[:6], weight: 8}, true
}

var codeKeywords = []string{"网站标识码", "网站识别码", "索引号", "统一社会信用代码"}

// codeClueAt reads the code that follows a keyword found in the text (the
// dictionary scan reports the keywords) and appends its clue.
func codeClueAt(kw, rest string, out []codeClue) []codeClue {
	tok := codeToken(rest)
	switch {
	case kw == "网站标识码" || kw == "网站识别码":
		if c, ok := siteCodeClue(tok); ok {
			out = append(out, c)
		}
	case len(tok) >= 18 && strings.HasPrefix(tok, "11") && allDigits(tok[2:8]):
		out = append(out, codeClue{rule: "org_code", code: tok[2:8], weight: 5})
	case kw == "索引号" && len(tok) >= 9 && allDigits(tok[:6]):
		out = append(out, codeClue{rule: "index_code", code: tok[:6], weight: 2})
	}
	return out
}

// codeToken returns the code after a keyword, skipping a colon and spaces.
func codeToken(s string) string {
	s = strings.TrimLeft(s, " \t:：　")
	end := 0
	for end < len(s) && end < 40 {
		c := s[end]
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			end++
			continue
		}
		break
	}
	return s[:end]
}

func leadingDigits(s string) string {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	return s[:end]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (r *resolver) addCodes() {
	for _, cl := range r.codes {
		if i, ok := r.g.byCode[cl.code]; ok {
			r.add(i, evidence{w: cl.weight, rule: cl.rule, span: cl.code, self: true})
			continue
		}
		// A city-level site (3202000001) or organ still names the city.
		if cl.code[4:] == "00" {
			if ci, ok := r.g.cityIdx[cl.code[:4]]; ok {
				r.cityScore[ci] += cl.weight / 3
			}
		}
	}
}
