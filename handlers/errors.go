package handlers

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

// ParamError is a request parameter that cannot be used.
type ParamError struct {
	Param   string
	Message string
}

func (e *ParamError) Error() string { return fmt.Sprintf("parameter %s: %s", e.Param, e.Message) }

func badParam(param, format string, args ...any) error {
	return &ParamError{Param: param, Message: fmt.Sprintf(format, args...)}
}

// status maps an error to an HTTP status and a message that is safe to show.
// This is the one place where errors become status codes.
func status(err error) (int, string) {
	var pe *ParamError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, pe.Error()
	case errors.Is(err, queries.ErrInvalid):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, queries.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the query took too long; narrow the filters and try again"
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled"
	case errors.As(err, &he):
		return he.Code, fmt.Sprint(he.Message)
	}
	return http.StatusInternalServerError, "internal error"
}

// handleError is echo's HTTPErrorHandler: JSON for /api/ and /download/,
// an error page otherwise.
func (s *server) handleError(err error, c echo.Context) {
	code, msg := status(err)
	if code >= 500 && code != http.StatusServiceUnavailable {
		c.Logger().Errorf("%s %s: %v", c.Request().Method, c.Request().URL, err)
	}
	if c.Response().Committed {
		return // a download failed part way; the access log has the error
	}
	path := c.Request().URL.Path
	if strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/download/") {
		body := map[string]any{"error": msg, "status": code}
		var pe *ParamError
		if errors.As(err, &pe) {
			body["param"] = pe.Param
		}
		if jerr := c.JSON(code, body); jerr != nil {
			c.Logger().Error(jerr)
		}
		return
	}
	lang := langOf(c)
	p := s.page(c, lang, "", views.T(lang, "err.title"))
	p.Data = &views.ErrorData{Status: code, Message: msg}
	if rerr := s.render(c, code, views.ErrorPage, p); rerr != nil {
		c.Logger().Error(rerr)
	}
}
