package handlers

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
)

// contentSecurityPolicy allows nothing but this server. Charts need no
// inline script (app.js draws them from data attributes) and ECharts needs
// no eval; styles come from app.css, and ECharts' own element styles are set
// through the CSSOM, which style-src does not govern. data: images are the
// PNGs that the chart toolbox saves.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		return next(c)
	}
}

// accessLog writes one line per request: time, status, method, URI, bytes,
// latency, and the error if there was one. Errors are handled here (not
// left to echo) so that the logged status is the one sent.
func (s *server) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		errText := ""
		if err != nil {
			errText = fmt.Sprintf(" error=%q", err.Error())
		}
		fmt.Fprintf(s.AccessLog, "%s %d %s %s %dB %s%s\n", start.Format(time.RFC3339), c.Response().Status,
			c.Request().Method, c.Request().RequestURI, c.Response().Size, time.Since(start).Round(time.Millisecond), errText)
		return nil
	}
}

// recoverPanics turns a panic in a handler into a 500.
func recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		return next(c)
	}
}

// timeout bounds each request; queries run under the request's context, so
// DuckDB stops when the deadline passes and handleError answers 503. A
// request that reads report text (every such route takes q) first waits,
// outside its time limit, for the text that the database loads into memory
// after it opens: on a large database the first search would otherwise
// run out of time behind the load.
func timeout(d time.Duration, db *queries.DB) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if strings.TrimSpace(c.QueryParam("q")) != "" && !db.TextSettled() {
				if err := db.AwaitText(c.Request().Context()); err != nil {
					return err
				}
				// The wait may have used up the server's write timeout
				// (serve sets it to the request limit plus 10 s).
				_ = http.NewResponseController(c.Response()).SetWriteDeadline(time.Now().Add(d + 10*time.Second))
			}
			ctx, cancel := context.WithTimeout(c.Request().Context(), d)
			defer cancel()
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// static serves the embedded assets by their content-hashed URLs only.
func (s *server) static(c echo.Context) error {
	a, ok := s.views.Assets.Lookup(c.Request().URL.Path)
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	return c.Blob(http.StatusOK, a.ContentType, a.Body)
}
