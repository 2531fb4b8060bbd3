package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// Bounds on the meetings list and its export.
const (
	MaxPageSize     = 200
	MaxExportedRows = 100_000
)

// MeetingsParams asks for one page of matching reports.
type MeetingsParams struct {
	Scope
	Topics []string `json:"topics,omitempty"` // reports mentioning any of these; empty means all
	Limit  int      `json:"limit"`            // page size, 1..MaxPageSize
	Offset int      `json:"offset"`
}

// MeetingRow is a report as the meetings list shows it.
type MeetingRow struct {
	ID           string           `json:"id"`
	MeetingDate  string           `json:"meeting_date"`
	Province     string           `json:"province"`
	City         string           `json:"city"`
	District     string           `json:"district"`
	DistrictCode string           `json:"district_code"`
	Title        string           `json:"title"`
	Chair        string           `json:"chair"`
	MeetingKinds string           `json:"meeting_kinds"` // ;-separated
	Chars        int64            `json:"chars"`
	URL          string           `json:"url"`
	Spam         bool             `json:"spam"`
	Topics       map[string]int64 `json:"topics"` // every topic the report mentions
}

// MeetingsPage is one page of the list and the total over all pages.
type MeetingsPage struct {
	Total int64        `json:"total"`
	Rows  []MeetingRow `json:"rows"`
}

func (p MeetingsParams) args() ([]any, error) {
	if err := p.Scope.validate(); err != nil {
		return nil, err
	}
	if err := validTopics(p.Topics, 0); err != nil {
		return nil, err
	}
	return append(p.Scope.args(), sql.Named("topics", nonNil(p.Topics))), nil
}

// Meetings returns one page of the reports in scope that mention any of the
// topics, newest meeting first.
func Meetings(ctx context.Context, db *DB, p MeetingsParams) (MeetingsPage, error) {
	var page MeetingsPage
	if p.Limit < 1 || p.Limit > MaxPageSize || p.Offset < 0 {
		return page, fmt.Errorf("%w: page of %d from %d", ErrInvalid, p.Limit, p.Offset)
	}
	args, err := p.args()
	if err != nil {
		return page, err
	}
	// A text search counts its reports in the page's statement (see
	// meetings_total.sql) rather than reading the text twice.
	searching := p.Q != ""
	var firstMonth any
	if searching {
		if err := db.AwaitText(ctx); err != nil {
			return page, err
		}
	} else {
		var first sql.NullTime
		if page.Total, first, err = countMatched(ctx, db, p.Scope, p.Topics, args, p.Offset+p.Limit); err != nil {
			return page, err
		}
		if int64(p.Offset) >= page.Total {
			return page, nil
		}
		if first.Valid {
			firstMonth = first.Time
		}
	}
	pageArgs := append(append([]any(nil), args...), sql.Named("limit", p.Limit), sql.Named("offset", p.Offset), sql.Named("first_month", firstMonth))
	err = queryRows(ctx, db, "meetings", meetingsSQL.text(db, p.Scope, p.Topics), pageArgs, func(rows *sql.Rows) error {
		var r MeetingRow
		var counts string
		var total sql.NullInt64
		if err := rows.Scan(&r.ID, &r.MeetingDate, &r.Province, &r.City, &r.District, &r.DistrictCode,
			&r.Title, &r.Chair, &r.MeetingKinds, &r.Chars, &r.URL, &r.Spam, &counts, &total); err != nil {
			return err
		}
		if searching {
			page.Total = total.Int64
		}
		tcs := parseTopicCounts(counts)
		r.Topics = make(map[string]int64, len(tcs))
		for _, c := range tcs {
			r.Topics[c.Topic] = c.Mentions
		}
		page.Rows = append(page.Rows, r)
		return nil
	})
	if err == nil && searching && len(page.Rows) == 0 && p.Offset > 0 {
		// A page past the end has no row to carry the count.
		page.Total, _, err = countMatched(ctx, db, p.Scope, p.Topics, args, 0)
	}
	return page, err
}

// MeetingsExport is the meetings list as a download: all pages up to Limit
// rows, with each report's topic counts.
type MeetingsExport struct {
	Scope
	Topics []string
	Limit  int // 0 means MaxExportedRows
}

func (p MeetingsExport) statement() (string, []any, error) { return p.statementOn(nil) }

// statementOn is the statement for db, which searches the held text when
// db holds it.
func (p MeetingsExport) statementOn(db *DB) (string, []any, error) {
	limit := p.Limit
	if limit == 0 {
		limit = MaxExportedRows
	}
	if limit < 1 || limit > MaxExportedRows {
		return "", nil, fmt.Errorf("%w: export of %d rows (max %d)", ErrInvalid, limit, MaxExportedRows)
	}
	args, err := MeetingsParams{Scope: p.Scope, Topics: p.Topics}.args()
	if err != nil {
		return "", nil, err
	}
	return meetingsExportSQL.text(db, p.Scope, p.Topics), append(args, sql.Named("limit", limit)), nil
}

// CountMeetings is the number of reports the meetings list (or its export)
// holds over all pages.
func CountMeetings(ctx context.Context, db *DB, sc Scope, topics []string) (int64, error) {
	args, err := MeetingsParams{Scope: sc, Topics: topics}.args()
	if err != nil {
		return 0, err
	}
	n, _, err := countMatched(ctx, db, sc, topics, args, 0)
	return n, err
}

// countMatched counts the reports in scope mentioning any of topics (all
// when none). When the rollups can answer, it also gives the first month
// that the rows before row end lie in (see meetings_window.sql), and the
// count itself for no more than one topic (a report mentioning two would
// be summed twice).
func countMatched(ctx context.Context, db *DB, sc Scope, topics []string, args []any, end int) (int64, sql.NullTime, error) {
	var n int64
	var first sql.NullTime
	if db.cellsFor(sc) {
		err := db.SQL.QueryRowContext(ctx, meetingsWindowSQL.on(db, sc, topics), append(args, sql.Named("end", end))...).Scan(&n, &first)
		if err != nil {
			return 0, first, fmt.Errorf("count meetings: %w", err)
		}
		if len(topics) <= 1 {
			return n, first, nil
		}
	}
	if err := db.SQL.QueryRowContext(ctx, meetingsCountSQL.text(db, sc, topics), args...).Scan(&n); err != nil {
		return 0, first, fmt.Errorf("count meetings: %w", err)
	}
	return n, first, nil
}
