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
	trendsSQL         = composeScoped("trends.sql")
	compareSQL        = composeScoped("compare.sql")
	termsSQL          = composeScoped("terms.sql")
	meetingsSQL       = composeScoped("meetings.sql")
	meetingsExportSQL = composeScoped("meetings_export.sql")
	meetingsCountSQL  = composeScoped("meetings_count.sql")
	meetingsWindowSQL = composeScoped("meetings_window.sql")
	overviewTotalsSQL = composeScoped("overview_totals.sql")
	overviewTopicsSQL = composeScoped("overview_topics.sql")
	overviewCountsSQL = composeScoped("overview_counts.sql")
	overviewKindsSQL  = composeScoped("overview_kinds.sql")
	meetingSQL        = compose("meeting.sql")
	meetingItemsSQL   = compose("meeting_items.sql")
	meetingDocsSQL    = compose("meeting_documents.sql")
	placeNamesSQL     = compose("place_names.sql")
)

// optional are the included files of a scoped statement that only some
// calls need, each with a stand-in for the calls whose parameter is empty
// (the text search or the topics of the meetings list) or, for the
// rollups, for the databases and scopes they cannot answer. DuckDB plans
// subqueries before it folds constants, so a part written as "$q is empty
// OR rid IN (subquery)" would run its subquery even when $q is empty; a
// statement is therefore composed once per combination of parts.
var optional = []struct {
	part, standIn string
	bit           int
}{
	{"searched.sql", "no_searched.sql", searchBit},
	{"held_found.sql", "text_found.sql", heldBit},
	{"held_counts.sql", "text_counts.sql", heldBit},
	{"search.sql", "no_search.sql", searchBit},
	{"meetings_total.sql", "no_meetings_total.sql", searchBit},
	{"mentioning.sql", "in_scope.sql", topicsBit},
	// After mentioning.sql, which it stands in for.
	{"in_scope.sql", "in_reports.sql", searchBit},
	// Before cells.sql and topic_cells.sql, which stand in for them and
	// have stand-ins of their own.
	{"place_cells.sql", "cells.sql", placesBit},
	{"topic_place_cells.sql", "topic_cells.sql", placesBit},
	{"month_cells.sql", "cells.sql", monthsBit},
	{"topic_month_cells.sql", "topic_cells.sql", monthsBit},
	{"cells.sql", "report_rows.sql", cellsBit},
	{"topic_cells.sql", "topic_rows.sql", cellsBit},
	{"labels.sql", "label_rows.sql", cellsBit},
	{"diffusion_hits.sql", "diffusion_hits_rows.sql", cellsBit},
	// Inverted: the stand-in is the part the rollups read.
	{"compare_no_via_reports.sql", "compare_via_reports.sql", cellsBit},
}

// Bits of a variant: which optional parts it holds.
const (
	searchBit = 1 << iota // the scope's text search, Scope.Q
	topicsBit             // the meetings list's topics
	cellsBit              // the rollups instead of the rows they sum
	placesBit             // the rollups by place alone (with cellsBit, no date or kind)
	monthsBit             // the rollups by month and kinds alone (with cellsBit, no place)
	heldBit               // the text held in memory instead of the text column
	variants              // the number of variants
)

// scoped is a statement composed in every variant, indexed by variant.
type scoped [variants]string

// composeScoped composes name in every variant.
func composeScoped(name string) scoped {
	var st scoped
	for v := range st {
		st[v] = composeVariant(name, v)
	}
	return st
}

// text is the variant a call with scope s and (for the meetings list)
// topics needs on db, reading the rows themselves.
func (st *scoped) text(db *DB, s Scope, topics []string) string {
	return st[variant(db, s, topics)]
}

// on is text's variant for db: it reads the rollups when db has rollups
// that match its tables and the scope has no text search.
func (st *scoped) on(db *DB, s Scope, topics []string) string {
	v := variant(db, s, topics)
	if db.cellsFor(s) {
		v |= cellsBit
		if s.From == "" && s.To == "" && s.Kind == "" {
			v |= placesBit
		}
		if len(s.Districts) == 0 && len(s.Cities) == 0 && len(s.Provinces) == 0 {
			v |= monthsBit
		}
	}
	return st[v]
}

func variant(db *DB, s Scope, topics []string) int {
	v := 0
	if db.holdsText() {
		v |= heldBit
	}
	if s.Q != "" {
		v |= searchBit
	}
	if len(topics) > 0 {
		v |= topicsBit
	}
	return v
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
		if depth > 5 {
			panic(fmt.Sprintf("queries: %s: includes nest too deep", name))
		}
		text = includePattern.ReplaceAllStringFunc(text, func(m string) string {
			inc := includePattern.FindStringSubmatch(m)[1]
			for _, o := range optional {
				if inc != o.part {
					continue
				}
				if v < 0 {
					panic(fmt.Sprintf("queries: %s includes %s: compose it with composeScoped", name, inc))
				}
				if v&o.bit == 0 {
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
