// Package queries holds agendascope's SQL (embedded .sql files) and the Go
// functions that run it against DuckDB.
package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

//go:embed schema.sql
var schemaSQL string

// Memory limits for DuckDB's buffer pool (constants, never user input):
// ingest holds the segmenter and reports in flight beside the database, so
// the writer gets less. DuckDB's memory outside the pool (WAL buffers,
// appenders) comes on top: ingesting 130k reports peaked at 1.92 GB RSS
// with 1 GB here and 1.75 GB with 768 MB, in the same CPU time. The
// reader's pool must hold reports.text, which the term query and the text
// search read whole at every request: 3.2 GB at 1M reports. With 3 GB
// DuckDB evicted and re-read it each time, which cost as much CPU as the
// search itself. A read-only database that holds its text in Go memory
// (heldtext.go) lowers it to heldMemoryLimit.
const (
	writeMemoryLimit = "768MB"
	readMemoryLimit  = "6GB"
)

// ErrLocked means another process holds the database file open for writing.
var ErrLocked = errors.New("database is in use by another agendascope process")

// DB is an open agendascope database.
type DB struct {
	SQL       *sql.DB
	connector *duckdb.Connector
	Path      string // "" for in-memory
	ReadOnly  bool

	// cells says that queries read the rollups where they can (see
	// rollups.go): set on a read-only open when the rollups add up to the
	// tables, which cannot change while the file is open read-only. A
	// writable database, which the caller may change between queries,
	// reads the rows themselves.
	cells bool

	// held holds the reports' text in memory on a read-only database
	// when asked (see heldtext.go).
	held *textHolder
}

// Open opens (creating if needed) the database at path; path "" is an
// in-memory database. A read-only open never creates or migrates anything.
func Open(ctx context.Context, path string, readOnly bool) (*DB, error) {
	dsn := path
	if readOnly && path != "" {
		dsn = path + "?" + url.Values{"access_mode": {"read_only"}}.Encode()
	}
	connector, err := duckdb.NewConnector(dsn, func(ex driver.ExecerContext) error {
		// DuckDB's buffer pool defaults to 80% of RAM; an analyst's laptop
		// runs other things, and ingest must stay within its memory budget.
		limit := writeMemoryLimit
		if readOnly {
			limit = readMemoryLimit
		}
		_, err := ex.ExecContext(ctx, "SET memory_limit = '"+limit+"'", nil)
		return err
	})
	if err != nil {
		if isLockError(err) {
			return nil, fmt.Errorf("open database %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("open database %s: %w", displayPath(path), err)
	}
	db := &DB{SQL: sql.OpenDB(connector), connector: connector, Path: path, ReadOnly: readOnly, held: newTextHolder()}
	if err := registerFunctions(ctx, db.SQL, db.held); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", displayPath(path), err)
	}
	if !readOnly {
		if _, err := db.SQL.ExecContext(ctx, schemaSQL); err != nil {
			db.Close()
			return nil, fmt.Errorf("create schema in %s: %w", displayPath(path), err)
		}
		if _, err := db.SQL.ExecContext(ctx, rollupsSQL); err != nil {
			db.Close()
			return nil, fmt.Errorf("create rollups in %s: %w", displayPath(path), err)
		}
		if err := Backfill(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("upgrade %s: %w", displayPath(path), err)
		}
		if err := RefreshRollups(ctx, db, false); err != nil {
			db.Close()
			return nil, fmt.Errorf("upgrade %s: %w", displayPath(path), err)
		}
		return db, nil
	}
	if db.cells, err = rollupsUsable(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", displayPath(path), err)
	}
	return db, nil
}

// Close releases the database; the file lock goes with it.
func (db *DB) Close() error {
	db.held.close()
	err := db.SQL.Close()
	if cerr := db.connector.Close(); err == nil {
		err = cerr
	}
	return err
}

// Raw runs f on one driver connection, which the Appender needs. Statements
// f runs through conn share that connection's transaction.
func (db *DB) Raw(ctx context.Context, f func(conn *sql.Conn, raw driver.Conn) error) error {
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return fmt.Errorf("get connection: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		raw, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		return f(conn, raw)
	})
}

func isLockError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock")
}

func displayPath(p string) string {
	if p == "" {
		return "(in-memory)"
	}
	return p
}
