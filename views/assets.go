package views

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"sort"
	"strings"
)

// The vendored ECharts file is named explicitly so that a build that skipped
// the npm step fails at compile time instead of serving chartless pages:
//
//	npm ci && mkdir -p views/static/vendor && cp node_modules/echarts/dist/echarts.min.js views/static/vendor/
//
//go:embed static/app.css static/app.js static/vendor/echarts.min.js
var staticFS embed.FS

// Asset is one static file as served: its content-hashed URL, bytes and type.
type Asset struct {
	Name        string // as written in templates, e.g. "app.js"
	URL         string // /static/app.3f2a1c9b0e4d.js
	ContentType string
	Body        []byte
}

// Assets maps the files under static/ to content-hashed URLs, so that a
// changed file gets a new URL and every URL can be cached for a year. Only
// the embedded files are ever served: a request path is looked up in a map,
// never joined to a directory, so there is nothing to traverse.
type Assets struct {
	byName map[string]*Asset
	byURL  map[string]*Asset
}

// StaticPrefix is where assets are served.
const StaticPrefix = "/static/"

// LoadAssets hashes the embedded static files.
func LoadAssets() (*Assets, error) {
	a := &Assets{byName: map[string]*Asset{}, byURL: map[string]*Asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		as := &Asset{Name: name, URL: StaticPrefix + hashed, ContentType: ctype, Body: body}
		a.byName[name] = as
		a.byURL[as.URL] = as
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static assets: %w", err)
	}
	return a, nil
}

// URL is the hashed URL of the named asset; it panics on an unknown name,
// which only a template typo can cause and the template tests catch.
func (a *Assets) URL(name string) string {
	as, ok := a.byName[name]
	if !ok {
		panic(fmt.Sprintf("views: unknown asset %q", name))
	}
	return as.URL
}

// Lookup finds the asset served at urlPath.
func (a *Assets) Lookup(urlPath string) (*Asset, bool) {
	as, ok := a.byURL[urlPath]
	return as, ok
}

// URLs lists every asset URL, sorted.
func (a *Assets) URLs() []string {
	var out []string
	for u := range a.byURL {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}
