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
// scope filter is spliced where a file writes /*scope*/ or /*filter*/. No
// text that a user typed ever becomes SQL; user values travel as bound
// named parameters ($name, via sql.Named), and enum values (period, measure,
// level) are bound too and tested inside CASE expressions, never pasted into
// the text. DuckDB plans with the values bound, so a filter left empty folds
// away; the text search cannot (see search.sql), hence the two variants of
// a scoped statement.
var (
	trendsSQL          = composeScoped("trends.sql")
	compareSQL         = composeScoped("compare.sql")
	termsSQL           = composeScoped("terms.sql")
	meetingsSQL        = composeScoped("meetings.sql")
	meetingsExportSQL  = composeScoped("meetings_export.sql")
	meetingsCountSQL   = composeScoped("meetings_count.sql")
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
)

// optional are the parts of a scoped statement that only some calls need,
// each with a stand-in that is true exactly when the part's parameter is
// empty. DuckDB plans subqueries before it folds constants, so a part
// written as "$q is empty OR rid IN (subquery)" would run its subquery even
// when $q is empty; a statement is therefore composed once per combination
// of parts.
var optional = []struct{ part, standIn string }{
	{"search.sql", "no_search.sql"},     // the scope's text search, Q
	{"mentioning.sql", "no_topics.sql"}, // the meetings list's topics
}

// scoped is a statement composed in every variant: bit i of the index set
// means optional[i] is in.
type scoped [1 << 2]string

// composeScoped composes name in every variant.
func composeScoped(name string) scoped {
	var st scoped
	for v := range st {
		st[v] = composeVariant(name, v)
	}
	return st
}

// text is the variant a call with scope s and (for the meetings list)
// topics needs.
func (st *scoped) text(s Scope, topics []string) string {
	v := 0
	if s.Q != "" {
		v |= 1
	}
	if len(topics) > 0 {
		v |= 2
	}
	return st[v]
}

// includePattern finds /*include NAME.sql*/ markers; /*scope*/ is short for
// /*include scope.sql*/ and /*filter*/ for /*include filter.sql*/.
var includePattern = regexp.MustCompile(`/\*include ([a-z_]+\.sql)\*/`)

// compose reads name and splices in what it includes, which must not be
// an optional part.
func compose(name string) string {
	return composeVariant(name, -1)
}

// composeVariant composes name with the optional parts variant v holds and
// the stand-ins of the others; v < 0 means the statement has none.
func composeVariant(name string, v int) string {
	text := expandShorthands(readSQL(name, name))
	for depth := 0; includePattern.MatchString(text); depth++ {
		if depth > 3 {
			panic(fmt.Sprintf("queries: %s: includes nest too deep", name))
		}
		text = includePattern.ReplaceAllStringFunc(text, func(m string) string {
			inc := includePattern.FindStringSubmatch(m)[1]
			for i, o := range optional {
				if inc != o.part {
					continue
				}
				if v < 0 {
					panic(fmt.Sprintf("queries: %s includes %s: compose it with composeScoped", name, inc))
				}
				if v&(1<<i) == 0 {
					inc = o.standIn
				}
			}
			// Parenthesised and on its own lines so that a trailing --
			// comment in the included file cannot swallow what follows.
			return "(\n" + expandShorthands(readSQL(name, inc)) + "\n)"
		})
	}
	return text
}

func readSQL(stmt, file string) string {
	b, err := sqlFiles.ReadFile(file)
	if err != nil {
		panic(fmt.Sprintf("queries: %s: embedded %s: %v", stmt, file, err))
	}
	return string(b)
}

func expandShorthands(text string) string {
	text = strings.ReplaceAll(text, "/*scope*/", "/*include scope.sql*/")
	return strings.ReplaceAll(text, "/*filter*/", "/*include filter.sql*/")
}
