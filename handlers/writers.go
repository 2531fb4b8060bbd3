package handlers

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"
)

// utf8BOM starts every CSV so that Excel reads it as UTF-8.
const utf8BOM = "\uFEFF"

// cellText writes a value for CSV. Text that a spreadsheet would run as a
// formula (= + - @ at the start) gets a leading apostrophe: titles come from
// the web.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if x != "" && (x[0] == '=' || x[0] == '+' || x[0] == '-' || x[0] == '@' || x[0] == '\t' || x[0] == '\r') {
			return "'" + x
		}
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		return x.Format("2006-01-02")
	default:
		return fmt.Sprint(x)
	}
}

// csvWriter streams a table as CSV with a BOM, flushing every few rows.
type csvWriter struct {
	c        echo.Context
	filename string
	w        *csv.Writer
	rows     int
}

func newCSVWriter(c echo.Context, filename string) *csvWriter {
	return &csvWriter{c: c, filename: filename}
}

func (w *csvWriter) Header(cols []string) error {
	startDownload(w.c, w.filename, "text/csv; charset=utf-8")
	if _, err := w.c.Response().Write([]byte(utf8BOM)); err != nil {
		return err
	}
	w.w = csv.NewWriter(w.c.Response())
	w.w.UseCRLF = true
	if err := w.w.Write(cols); err != nil {
		return err
	}
	w.w.Flush()
	return w.w.Error()
}

func (w *csvWriter) Row(vals []any) error {
	rec := make([]string, len(vals))
	for i, v := range vals {
		rec[i] = cellText(v)
	}
	if err := w.w.Write(rec); err != nil {
		return err
	}
	if w.rows++; w.rows%500 == 0 {
		w.w.Flush()
		w.c.Response().Flush()
	}
	return w.w.Error()
}

// Close sends the rows not yet flushed.
func (w *csvWriter) Close() error {
	if w.w == nil {
		return nil
	}
	w.w.Flush()
	return w.w.Error()
}

// jsonWriter streams a table as a JSON array of objects.
type jsonWriter struct {
	c        echo.Context
	filename string
	cols     []string
	n        int
}

func newJSONWriter(c echo.Context, filename string) *jsonWriter {
	return &jsonWriter{c: c, filename: filename}
}

func (w *jsonWriter) Header(cols []string) error {
	w.cols = cols
	startDownload(w.c, w.filename, "application/json; charset=utf-8")
	_, err := w.c.Response().Write([]byte("[\n"))
	return err
}

func (w *jsonWriter) Row(vals []any) error {
	obj := make(orderedRow, len(vals))
	for i, v := range vals {
		if t, ok := v.(time.Time); ok {
			v = t.Format("2006-01-02")
		}
		obj[i] = field{w.cols[i], v}
	}
	b, err := json.Marshal(obj)
	if err != nil {
		return fmt.Errorf("encode row: %w", err)
	}
	sep := ",\n"
	if w.n == 0 {
		sep = ""
	}
	w.n++
	_, err = w.c.Response().Write(append([]byte(sep), b...))
	return err
}

// Close ends the array; with no header yet (no rows at all) it still
// writes a valid empty array.
func (w *jsonWriter) Close() error {
	if w.cols == nil {
		startDownload(w.c, w.filename, "application/json; charset=utf-8")
		_, err := w.c.Response().Write([]byte("[]\n"))
		return err
	}
	_, err := w.c.Response().Write([]byte("\n]\n"))
	return err
}

type field struct {
	key string
	val any
}

// orderedRow marshals as an object with keys in column order.
type orderedRow []field

func (r orderedRow) MarshalJSON() ([]byte, error) {
	buf := []byte{'{'}
	for i, f := range r {
		if i > 0 {
			buf = append(buf, ',')
		}
		k, err := json.Marshal(f.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(f.val)
		if err != nil {
			return nil, err
		}
		buf = append(append(append(buf, k...), ':'), v...)
	}
	return append(buf, '}'), nil
}

// xlsxWriter builds a workbook with excelize's StreamWriter: bold header,
// frozen first row. The workbook is sent when complete (XLSX is a zip).
type xlsxWriter struct {
	c        echo.Context
	filename string
	sheet    string
	f        *excelize.File
	sw       *excelize.StreamWriter
	row      int
}

func newXLSXWriter(c echo.Context, filename, sheet string) *xlsxWriter {
	return &xlsxWriter{c: c, filename: filename, sheet: sheet}
}

func (w *xlsxWriter) Header(cols []string) error {
	w.f = excelize.NewFile()
	if err := w.f.SetSheetName("Sheet1", w.sheet); err != nil {
		return fmt.Errorf("name sheet: %w", err)
	}
	sw, err := w.f.NewStreamWriter(w.sheet)
	if err != nil {
		return fmt.Errorf("start sheet: %w", err)
	}
	w.sw = sw
	bold, err := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("make header style: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("freeze header: %w", err)
	}
	vals := make([]any, len(cols))
	for i, c := range cols {
		vals[i] = excelize.Cell{Value: c, StyleID: bold}
	}
	w.row = 1
	return sw.SetRow("A1", vals)
}

func (w *xlsxWriter) Row(vals []any) error {
	w.row++
	out := make([]any, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case time.Time:
			out[i] = x.Format("2006-01-02")
		case string:
			out[i] = x // excelize writes strings as text, never formulas
		default:
			out[i] = v
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, w.row)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, out)
}

func (w *xlsxWriter) Close() error {
	if w.f == nil {
		if err := w.Header(nil); err != nil {
			return err
		}
	}
	defer w.f.Close()
	if err := w.sw.Flush(); err != nil {
		return fmt.Errorf("finish sheet: %w", err)
	}
	startDownload(w.c, w.filename, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	return w.f.Write(w.c.Response())
}
