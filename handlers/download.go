package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
)

// download serves /download/{trends,compare,heatmap,terms,diffusion,rising,meetings}.{csv,xlsx,parquet,json}:
// the same statement as the page's chart or list, so a download is exactly
// the table behind what the page shows.
func (s *server) download(c echo.Context) error {
	file := c.Param("file")
	name, format, ok := strings.Cut(file, ".")
	if !ok {
		return echo.ErrNotFound
	}
	var table queries.Table
	var err error
	switch name {
	case "trends":
		table, err = s.trendParams(c)
	case "compare":
		table, err = s.compareParams(c)
	case "heatmap":
		table, err = s.heatmapParams(c)
	case "terms":
		var p queries.TermParams
		if p, err = s.termParams(c); err == nil && len(p.Terms) == 0 {
			err = badParam("q", "give one or more terms, separated by commas")
		}
		table = p
	case "diffusion":
		var p queries.DiffusionParams
		if p, err = s.diffusionParams(c); err == nil {
			err = needSubject(p)
		}
		if err == nil && format == "json" {
			return s.downloadDiffusionJSON(c, p)
		}
		table = p
	case "rising":
		table, err = s.risingParams(c)
	case "meetings":
		var r meetingsRequest
		if r, err = s.meetingsParams(c); err != nil {
			return err
		}
		// Refuse rather than silently cut a download short.
		n, err := queries.CountMeetings(c.Request().Context(), s.DB, r.Scope, r.Topics)
		if err != nil {
			return err
		}
		if n > queries.MaxExportedRows {
			return &ParamError{Param: "filters", Message: fmt.Sprintf("the download would hold %d reports; the limit is %d: narrow the filters", n, queries.MaxExportedRows)}
		}
		table = queries.MeetingsExport{Scope: r.Scope, Topics: r.Topics}
	default:
		return echo.ErrNotFound
	}
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	filename := name + "." + format
	switch format {
	case "csv":
		w := newCSVWriter(c, filename)
		if err := queries.Stream(ctx, s.DB, table, w); err != nil {
			return err
		}
		return w.Close()
	case "json":
		w := newJSONWriter(c, filename)
		if err := queries.Stream(ctx, s.DB, table, w); err != nil {
			return err
		}
		return w.Close()
	case "xlsx":
		w := newXLSXWriter(c, filename, name)
		if err := queries.Stream(ctx, s.DB, table, w); err != nil {
			return err
		}
		return w.Close()
	case "parquet":
		return queries.WriteParquet(ctx, s.DB, table, &lazyResponse{c: c, filename: filename,
			contentType: "application/vnd.apache.parquet"})
	}
	return echo.ErrNotFound
}

// lazyResponse sends the download headers with the first byte, so that an
// error before any output still gets a proper error status.
type lazyResponse struct {
	c           echo.Context
	filename    string
	contentType string
	started     bool
}

func (w *lazyResponse) Write(b []byte) (int, error) {
	if !w.started {
		w.started = true
		startDownload(w.c, w.filename, w.contentType)
	}
	return w.c.Response().Write(b)
}

func startDownload(c echo.Context, filename, contentType string) {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, contentType)
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(http.StatusOK)
}
