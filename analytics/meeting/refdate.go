package meeting

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// ymd is a calendar date of known precision: d, or m and d, are 0 when only
// the month or the year is known.
type ymd struct{ y, m, d int }

func (v ymd) String() string {
	switch {
	case v.y == 0:
		return ""
	case v.m == 0:
		return fmt.Sprintf("%04d", v.y)
	case v.d == 0:
		return fmt.Sprintf("%04d-%02d", v.y, v.m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d)
}

// full reports whether the year, month and day are all known.
func (v ymd) full() bool { return v.y > 0 && v.m > 0 && v.d > 0 }

// plausibleYear bounds the years taken from text and URLs: meeting reports
// on the web start in the late 1990s, and a bound keeps phone numbers and
// article ids out.
func plausibleYear(y int) bool { return y >= 1990 && y <= 2100 }

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// validDate reports whether y-m-d exists on the calendar, so that 2月30日 or
// a day of 45 is dropped rather than normalised into another date.
func validDate(y, m, d int) bool {
	return plausibleYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// addDays moves a full date by n days.
func (v ymd) addDays(n int) ymd {
	t := time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return ymd{t.Year(), int(t.Month()), t.Day()}
}

// reference is the date a report's undated or partly dated expressions are
// read against: when the page was published.
type reference struct {
	date     ymd
	src      string // published, url, generated
	evidence string
}

var reISODate = regexp.MustCompile(`^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// parseISO reads the leading date of a metadata field such as
// "2022-04-15 13:52" or "2018年06月13日".
func parseISO(s string) (ymd, bool) {
	m := reISODate.FindStringSubmatch(s)
	if m == nil {
		return ymd{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if !validDate(y, mo, d) {
		return ymd{}, false
	}
	return ymd{y, mo, d}, true
}

// URL path shapes that content management systems put publication dates in.
// Order matters: the more precise shapes are tried first.
var (
	urlFull = []*regexp.Regexp{
		regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})/(\d{2})(?:/|$)`),      // /2024/10/23/
		regexp.MustCompile(`/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$)`),      // /2022-09-26/
		regexp.MustCompile(`/((?:19|20)\d{2})-(\d{2})/(\d{2})(?:/|$)`),      // /2021-12/28/
		regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})(\d{2})(?:/|$)`),       // /2020/0309/
		regexp.MustCompile(`/[tT]((?:19|20)\d{2})(\d{2})(\d{2})_`),          // t20240407_
		regexp.MustCompile(`[/_]((?:19|20)\d{2})(\d{2})(\d{2})(?:[_./]|$)`), // /20240407/, post_20240407.html
	}
	urlMonth = []*regexp.Regexp{
		regexp.MustCompile(`/((?:19|20)\d{2})(\d{2})(?:/|$)`),  // /202404/
		regexp.MustCompile(`/((?:19|20)\d{2})-(\d{2})(?:/|$)`), // /2021-12/
		regexp.MustCompile(`/((?:19|20)\d{2})/(\d{2})(?:/|$)`), // /2024/10/
	}
	urlYear = regexp.MustCompile(`/((?:19|20)\d{2})(?:/|$)`) // art/2026/
)

// urlDate reads the publication date a URL path carries, at whatever
// precision it has.
func urlDate(u string) (ymd, string, bool) {
	if u == "" {
		return ymd{}, "", false
	}
	// the query string may carry ids that look like dates
	path := u
	for i := 0; i < len(path); i++ {
		if path[i] == '?' || path[i] == '#' {
			path = path[:i]
			break
		}
	}
	for _, re := range urlFull {
		if m := re.FindStringSubmatch(path); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if validDate(y, mo, d) {
				return ymd{y, mo, d}, m[0], true
			}
		}
	}
	for _, re := range urlMonth {
		if m := re.FindStringSubmatch(path); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if plausibleYear(y) && mo >= 1 && mo <= 12 {
				return ymd{y, mo, 0}, m[0], true
			}
		}
	}
	if m := urlYear.FindStringSubmatch(path); m != nil {
		y, _ := strconv.Atoi(m[1])
		if plausibleYear(y) {
			return ymd{y, 0, 0}, m[0], true
		}
	}
	return ymd{}, "", false
}

// publication picks the best publication reference: metadata first, then a
// full date in the URL, then the document's generation date, then whatever
// part of a date the URL has. The generation date (生成日期/成文日期) ranks
// below a full URL date because portals often stamp it when the record is
// created, but it is never earlier than the meeting, which is all the rules
// need.
func publication(in Input) (reference, bool) {
	if d, ok := parseISO(in.Published); ok {
		return reference{d, "published", in.Published}, true
	}
	ud, uev, uok := urlDate(in.URL)
	if uok && ud.full() {
		return reference{ud, "url", uev}, true
	}
	if d, ok := parseISO(in.Generated); ok {
		return reference{d, "generated", in.Generated}, true
	}
	if uok {
		return reference{ud, "url", uev}, true
	}
	return reference{}, false
}
