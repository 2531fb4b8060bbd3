// Package views renders agendascope's pages: html/template templates, the
// go-echarts chart builders, and the embedded static assets (app.css, app.js
// and the vendored ECharts) served under content-hashed URLs.
package views

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
)

//go:embed templates/*.html
var templateFS embed.FS

// Views renders pages with the embedded templates and serves the assets.
type Views struct {
	Assets *Assets
	pages  map[string]*template.Template
}

// Page template names, one file each under templates/.
const (
	OverviewPage = "overview"
	ChartPage    = "chart" // trends, compare, heat map, terms
	MeetingsPage = "meetings"
	MeetingPage  = "meeting"
	ErrorPage    = "error"
)

// New parses the templates and hashes the assets.
func New() (*Views, error) {
	assets, err := LoadAssets()
	if err != nil {
		return nil, err
	}
	v := &Views{Assets: assets, pages: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"asset": assets.URL,
		"list":  func(s ...string) []string { return s },
		"navpath": func(key string) string {
			if key == "overview" {
				return "/"
			}
			return "/" + key
		},
	}
	for _, name := range []string{OverviewPage, ChartPage, MeetingsPage, MeetingPage, ErrorPage} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		v.pages[name] = t
	}
	return v, nil
}

// Render writes page name with p. It renders into a buffer first, so that
// a template error leaves w untouched.
func (v *Views) Render(w io.Writer, name string, p *Page) error {
	t, ok := v.pages[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}
