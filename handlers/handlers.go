// Package handlers is agendascope's web interface: echo routes that parse and
// validate a request, run one query from package queries, and render a page
// (package views), a JSON answer or a download.
package handlers

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/labstack/echo/v4"

	"agendascope/analytics/topics"
	"agendascope/queries"
	"agendascope/views"
)

// Deps is everything the handlers need.
type Deps struct {
	DB       *queries.DB
	Taxonomy *topics.Taxonomy
	// Simplify turns Traditional Chinese into Simplified, for text users
	// type (search, terms); the stored text is Simplified. nil keeps input.
	Simplify func(string) string
	// PlaceName names a 6-digit district, 4-digit city or 2-digit province
	// code; nil means GazetteerName (analytics/places). Codes it does not
	// know are named as the reports name them.
	PlaceName func(code string) (string, bool)
	// AccessLog receives one line per request; nil means os.Stderr.
	AccessLog io.Writer
	// Timeout bounds each request, queries included; 0 means 60 seconds.
	Timeout time.Duration
}

// DefaultTimeout bounds a request when Deps.Timeout is 0.
const DefaultTimeout = 60 * time.Second

type server struct {
	Deps
	views   *views.Views
	markers map[views.Lang]*marker
}

// New builds the echo server with every route.
func New(deps Deps) (*echo.Echo, error) {
	if deps.DB == nil || deps.Taxonomy == nil {
		return nil, errors.New("handlers: Deps needs DB and Taxonomy")
	}
	if deps.Simplify == nil {
		deps.Simplify = func(s string) string { return s }
	}
	if deps.PlaceName == nil {
		deps.PlaceName = GazetteerName
	}
	if deps.AccessLog == nil {
		deps.AccessLog = os.Stderr
	}
	if deps.Timeout == 0 {
		deps.Timeout = DefaultTimeout
	}
	v, err := views.New()
	if err != nil {
		return nil, fmt.Errorf("handlers: %w", err)
	}
	s := &server{Deps: deps, views: v, markers: map[views.Lang]*marker{
		views.ZH: newMarker(deps.Taxonomy, views.ZH),
		views.EN: newMarker(deps.Taxonomy, views.EN),
	}}

	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.Use(s.accessLog, securityHeaders, recoverPanics, timeout(deps.Timeout, deps.DB))

	e.GET("/", s.overview)
	e.GET("/trends", s.trends)
	e.GET("/compare", s.compare)
	e.GET("/heatmap", s.heatmap)
	e.GET("/terms", s.terms)
	e.GET("/diffusion", s.diffusion)
	e.GET("/rising", s.rising)
	e.GET("/meetings", s.meetings)
	e.GET("/meetings/:id", s.meeting)

	e.GET("/api/topics", s.apiTopics)
	e.GET("/api/overview", s.apiOverview)
	e.GET("/api/trends", s.apiTrends)
	e.GET("/api/compare", s.apiCompare)
	e.GET("/api/heatmap", s.apiHeatmap)
	e.GET("/api/terms", s.apiTerms)
	e.GET("/api/diffusion", s.apiDiffusion)
	e.GET("/api/rising", s.apiRising)
	e.GET("/api/meetings", s.apiMeetings)
	e.GET("/api/meetings/:id", s.apiMeeting)

	e.GET("/download/:file", s.download)
	e.GET(views.StaticPrefix+"*", s.static)
	return e, nil
}
