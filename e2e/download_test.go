package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"agendascope/queries"
)

// The columns of each download: what a script or a spreadsheet formula that
// an analyst wrote against last month's file relies on.
var (
	seriesHeader  = []string{"period", "period_start", "topic", "topic_label", "mentions", "reports", "total_reports", "total_chars", "measure", "value"}
	placesHeader  = []string{"level", "rank", "code", "name", "parent", "topic", "topic_label", "mentions", "reports", "total_reports", "total_chars", "measure", "value"}
	termsHeader   = []string{"period", "term", "mentions", "reports", "total_reports", "total_chars", "period_start", "measure", "value"}
	meetingHeader = []string{"id", "meeting_date", "province_code", "province", "city_code", "city", "district_code", "district",
		"title", "chair", "meeting_kinds", "session", "date_source", "chars", "spam", "topics", "url", "source"}
	adopterHeader = []string{"district_code", "district", "city", "province", "first_meeting_date", "first_day", "adopted_by",
		"report_id", "title", "url", "meetings", "districts_in_scope"}
	risingHeader = []string{"period", "previous_period", "term", "mentions", "previous_mentions", "reports", "previous_reports",
		"per10k_words", "previous_per10k_words", "z"}
)

var formats = []string{"csv", "xlsx", "parquet", "json"}

// table is a download read back, every value as text.
type table struct {
	header []string
	rows   [][]string
}

// TestDownloads fetches each table in each format, opens it with the tool an
// analyst would (a CSV reader, excelize, DuckDB's read_parquet, a JSON
// parser), and checks that the four formats hold the same rows as the page
// and the API.
func TestDownloads(t *testing.T) {
	t.Parallel()
	srv := server(t)
	tests := []struct {
		name   string
		query  string
		header []string
		api    string // the same query on the API; its row count is the table's
		empty  bool   // the filters match nothing
	}{
		{"trends", "topic=safety&period=month", seriesHeader, "/api/trends?topic=safety&period=month", false},
		{"trends", "topic=safety&topic=digital&period=quarter&city=3202", seriesHeader, "/api/trends?topic=safety&topic=digital&period=quarter&city=3202", false},
		{"compare", "topic=safety&level=district", placesHeader, "/api/compare?topic=safety&level=district", false},
		{"compare", "topic=safety&level=city&from=2022-01&to=2022-12", placesHeader, "/api/compare?topic=safety&level=city&from=2022-01&to=2022-12", false},
		{"heatmap", "level=province", placesHeader, "/api/heatmap?level=province", false},
		{"terms", "q=安全生产,数字化转型&period=year", termsHeader, "/api/terms?q=安全生产,数字化转型&period=year", false},
		{"diffusion", "topic=digital", adopterHeader, "/api/diffusion?topic=digital", false},
		{"diffusion", "term=安全生产&city=3202", adopterHeader, "/api/diffusion?term=安全生产&city=3202", false},
		{"rising", "period=year&current=2023-01&min=1", risingHeader, "/api/rising?period=year&current=2023-01&min=1", false},
		{"meetings", "", meetingHeader, "/api/meetings?per=200", false},
		{"meetings", "topic=digital&city=3202", meetingHeader, "/api/meetings?topic=digital&city=3202&per=200", false},
		{"trends", "topic=safety&from=2030-01", seriesHeader, "/api/trends?topic=safety&from=2030-01", true},
		{"meetings", "q=量子纠缠", meetingHeader, "/api/meetings?q=量子纠缠", true},
	}
	for _, tc := range tests {
		t.Run(tc.name+"?"+tc.query, func(t *testing.T) {
			// The API names its list after what it lists.
			var api map[string]json.RawMessage
			srv.api(t, tc.api, &api)
			var want int
			if total, ok := api["total"]; ok {
				if err := json.Unmarshal(total, &want); err != nil {
					t.Fatalf("%s: total: %v", tc.api, err)
				}
			} else {
				var rows []json.RawMessage
				for _, key := range []string{"rows", "adopters", "terms"} {
					if raw, ok := api[key]; ok {
						if err := json.Unmarshal(raw, &rows); err != nil {
							t.Fatalf("%s: %s: %v", tc.api, key, err)
						}
						break
					}
				}
				want = len(rows)
			}
			if tc.empty != (want == 0) {
				t.Fatalf("%s has %d rows; the case expects empty=%v", tc.api, want, tc.empty)
			}

			got := map[string]table{}
			for _, format := range formats {
				path := "/download/" + tc.name + "." + format
				if tc.query != "" {
					path += "?" + tc.query
				}
				resp, body := srv.get(t, path)
				if cd := resp.Header.Get("Content-Disposition"); cd != fmt.Sprintf(`attachment; filename="%s.%s"`, tc.name, format) {
					t.Errorf("%s: Content-Disposition %q: a browser would not save it as %s.%s", path, cd, tc.name, format)
				}
				tbl, err := readTable(format, tc.name, body)
				if err != nil {
					t.Errorf("%s: %v", path, err)
					continue
				}
				// An empty JSON array names no keys; that is right.
				if !slices.Equal(tbl.header, tc.header) && (format != "json" || len(tbl.rows) > 0) {
					t.Errorf("%s: header %q, want %q", path, tbl.header, tc.header)
				}
				if len(tbl.rows) != want {
					t.Errorf("%s: %d rows, the API has %d", path, len(tbl.rows), want)
				}
				got[format] = tbl
			}
			// The CSV is the reference: every other format must hold the
			// same values in the same order.
			ref, ok := got["csv"]
			if !ok {
				return
			}
			for _, format := range formats[1:] {
				tbl, ok := got[format]
				if !ok || len(tbl.rows) != len(ref.rows) || len(tbl.rows) > 0 && !slices.Equal(tbl.header, ref.header) {
					continue
				}
				diffs := 0
				for i := range ref.rows {
					for j, col := range ref.header {
						if a, b := ref.rows[i][j], tbl.rows[i][j]; !sameValue(a, b) {
							if diffs++; diffs <= 5 {
								t.Errorf("%s row %d %s: %q in CSV, %q in %s", tc.name, i+1, col, a, b, format)
							}
						}
					}
				}
				if diffs > 5 {
					t.Errorf("%s: %d values differ between CSV and %s", tc.name, diffs, format)
				}
			}
		})
	}
}

// sameValue compares two cells as text, or as numbers to 1e-12: a
// spreadsheet keeps 15 significant digits, CSV and JSON all 17.
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	return math.Abs(x-y) <= 1e-12*max(math.Abs(x), math.Abs(y))
}

// readTable reads a download; the JSON of a diffusion is an object whose
// "adopters" are the rows (it carries the curve too).
func readTable(format, sheet string, body []byte) (table, error) {
	switch format {
	case "csv":
		return readCSV(body)
	case "xlsx":
		return readXLSX(body, sheet)
	case "parquet":
		return readParquet(body)
	case "json":
		if sheet == "diffusion" {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(body, &obj); err != nil {
				return table{}, fmt.Errorf("parse JSON: %w", err)
			}
			for _, key := range []string{"districts_in_scope", "adopters", "curve"} {
				if _, ok := obj[key]; !ok {
					return table{}, fmt.Errorf("diffusion JSON has no %q", key)
				}
			}
			body = obj["adopters"]
		}
		return readJSON(body)
	}
	return table{}, fmt.Errorf("unknown format %s", format)
}

// readCSV wants the UTF-8 byte-order mark that makes Excel read Chinese
// right, and a rectangular table.
func readCSV(body []byte) (table, error) {
	const bom = "\uFEFF"
	if !bytes.HasPrefix(body, []byte(bom)) {
		return table{}, fmt.Errorf("CSV does not start with the UTF-8 BOM (starts %q)", body[:min(len(body), 8)])
	}
	recs, err := csv.NewReader(bytes.NewReader(body[len(bom):])).ReadAll()
	if err != nil {
		return table{}, fmt.Errorf("read CSV: %w", err)
	}
	if len(recs) == 0 {
		return table{}, fmt.Errorf("CSV has no header")
	}
	return table{header: recs[0], rows: recs[1:]}, nil
}

// readXLSX opens the workbook with excelize: one sheet named after the
// table, a bold header row.
func readXLSX(body []byte, sheet string) (table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		return table{}, fmt.Errorf("open XLSX: %w", err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); !slices.Equal(sheets, []string{sheet}) {
		return table{}, fmt.Errorf("XLSX sheets %q, want [%q]", sheets, sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return table{}, fmt.Errorf("read XLSX rows: %w", err)
	}
	if len(rows) == 0 {
		return table{}, fmt.Errorf("XLSX has no header row")
	}
	for col := range rows[0] {
		cell, _ := excelize.CoordinatesToCellName(col+1, 1)
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			return table{}, fmt.Errorf("XLSX style of %s: %w", cell, err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			return table{}, fmt.Errorf("XLSX style %d: %w", id, err)
		}
		if st.Font == nil || !st.Font.Bold {
			return table{}, fmt.Errorf("XLSX header cell %s (%s) is not bold", cell, rows[0][col])
		}
	}
	out := table{header: rows[0]}
	for _, r := range rows[1:] {
		// GetRows drops trailing empty cells; the table is rectangular.
		for len(r) < len(out.header) {
			r = append(r, "")
		}
		for i, v := range r {
			// Spreadsheets spell booleans in capitals.
			if v == "TRUE" || v == "FALSE" {
				r[i] = strings.ToLower(v)
			}
		}
		out.rows = append(out.rows, r)
	}
	return out, nil
}

// readParquet reads the file with DuckDB's read_parquet, as an analyst
// would from a notebook.
func readParquet(body []byte) (table, error) {
	dir, err := os.MkdirTemp("", "agendascope-e2e-parquet-")
	if err != nil {
		return table{}, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "download.parquet")
	if err := os.WriteFile(file, body, 0o644); err != nil {
		return table{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := queries.Open(ctx, "", false)
	if err != nil {
		return table{}, fmt.Errorf("open DuckDB: %w", err)
	}
	defer db.Close()
	rows, err := db.SQL.QueryContext(ctx, "SELECT * FROM read_parquet(?)", file)
	if err != nil {
		return table{}, fmt.Errorf("read_parquet: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return table{}, err
	}
	out := table{header: cols}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return table{}, fmt.Errorf("read Parquet row: %w", err)
		}
		rec := make([]string, len(vals))
		for i, v := range vals {
			rec[i] = text(v)
		}
		out.rows = append(out.rows, rec)
	}
	return out, rows.Err()
}

// readJSON parses the array of objects, keeping the key order of the first
// object as the header.
func readJSON(body []byte) (table, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var objs []orderedObject
	if err := dec.Decode(&objs); err != nil {
		return table{}, fmt.Errorf("parse JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return table{}, fmt.Errorf("JSON has data after the array")
	}
	var out table
	for i, o := range objs {
		if i == 0 {
			out.header = o.keys
		} else if !slices.Equal(o.keys, out.header) {
			return table{}, fmt.Errorf("JSON object %d has keys %q, the first %q", i+1, o.keys, out.header)
		}
		out.rows = append(out.rows, o.vals)
	}
	return out, nil
}

// orderedObject is a JSON object's keys in order and its values as text.
type orderedObject struct {
	keys []string
	vals []string
}

func (o *orderedObject) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("want an object, got %v (%v)", tok, err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return err
		}
		o.keys = append(o.keys, tok.(string))
		o.vals = append(o.vals, text(v))
	}
	return nil
}

// text writes a value as the CSV download does.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case time.Time:
		return x.Format("2006-01-02")
	case []byte:
		return string(x)
	default:
		return fmt.Sprint(x)
	}
}
