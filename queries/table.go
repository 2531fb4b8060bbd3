package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// Table is a query whose result set is a downloadable table. Trend, compare,
// terms and meetings-export parameters implement it, so a chart and its
// download run the same statement and cannot disagree.
type Table interface {
	statement() (string, []any, error)
}

// rolledUp is a Table whose statement can read the rollups of a database
// that has them (see rollups.go).
type rolledUp interface {
	statementOn(db *DB) (string, []any, error)
}

// statementFor is t's statement for db.
func statementFor(db *DB, t Table) (string, []any, error) {
	if r, ok := t.(rolledUp); ok {
		return r.statementOn(db)
	}
	return t.statement()
}

// RowWriter receives a table: the column names once, then each row. Values
// are nil, bool, int64, float64, string or time.Time.
type RowWriter interface {
	Header(columns []string) error
	Row(values []any) error
}

// Stream runs t and hands its rows to w as they arrive.
func Stream(ctx context.Context, db *DB, t Table, w RowWriter) error {
	query, args, err := statementFor(db, t)
	if err != nil {
		return err
	}
	rows, err := db.SQL.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("run export query: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return fmt.Errorf("read export columns: %w", err)
	}
	if err := w.Header(cols); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("read export row: %w", err)
		}
		if err := w.Row(vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read export rows: %w", err)
	}
	return nil
}

// queryRows runs a Table's statement and scans each row with scan.
func queryRows(ctx context.Context, db *DB, what string, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.SQL.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("query %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	return nil
}
