package queries

import (
	"embed"
	"fmt"
	"regexp"
	"strings"
)

//go:embed *.sql
var sqlFiles embed.FS

// Statements are composed once at start-up from embedded files only: the
// scope filter is spliced where a file writes /*scope*/. No text that a user
// typed ever becomes SQL; user values travel as bound named parameters
// ($name, via sql.Named), and enum values (period, measure, level) are bound
// too and tested inside CASE expressions, never pasted into the text.
var (
	trendsSQL          = compose("trends.sql")
	compareSQL         = compose("compare.sql")
	termsSQL           = compose("terms.sql")
	meetingsSQL        = compose("meetings.sql")
	meetingsExportSQL  = compose("meetings_export.sql")
	overviewTotalsSQL  = compose("overview_totals.sql")
	overviewTopicsSQL  = compose("overview_topics.sql")
	overviewYearsSQL   = compose("overview_years.sql")
	overviewSourcesSQL = compose("overview_date_sources.sql")
	overviewKindsSQL   = compose("overview_kinds.sql")
	overviewWarnSQL    = compose("overview_warnings.sql")
	overviewMonthlySQL = compose("overview_monthly.sql")
	meetingSQL         = compose("meeting.sql")
	meetingItemsSQL    = compose("meeting_items.sql")
	meetingDocsSQL     = compose("meeting_documents.sql")
	meetingTopicsSQL   = compose("meeting_topics.sql")
	reportTopicsSQL    = compose("report_topics.sql")
	placeNamesSQL      = compose("place_names.sql")
	meetingsCountSQL   = compose("meetings_count.sql")
)

// includePattern finds /*include NAME.sql*/ markers; /*scope*/ is short for
// /*include scope.sql*/.
var includePattern = regexp.MustCompile(`/\*include ([a-z_]+\.sql)\*/`)

func compose(name string) string {
	b, err := sqlFiles.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("queries: embedded %s: %v", name, err))
	}
	text := strings.ReplaceAll(string(b), "/*scope*/", "/*include scope.sql*/")
	for depth := 0; includePattern.MatchString(text); depth++ {
		if depth > 3 {
			panic(fmt.Sprintf("queries: %s: includes nest too deep", name))
		}
		text = includePattern.ReplaceAllStringFunc(text, func(m string) string {
			inc := includePattern.FindStringSubmatch(m)[1]
			b, err := sqlFiles.ReadFile(inc)
			if err != nil {
				panic(fmt.Sprintf("queries: %s includes %s: %v", name, inc, err))
			}
			// Parenthesised and on its own lines so that a trailing --
			// comment in the included file cannot swallow what follows.
			return "(\n" + string(b) + "\n)"
		})
	}
	return text
}
