package textnorm

import (
	"bytes"
	"math/bits"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlInfo is what an HTML page says about itself outside its visible text.
type htmlInfo struct {
	title       string   // <title>
	h1          []string // <h1> texts
	metaTitle   string   // <meta name=ArticleTitle> or og:title
	canonical   string   // <link rel=canonical>
	ogURL       string   // <meta property=og:url>
	pubDate     string   // <meta name=PubDate> and similar
	pubEvidence string   // the tag pubDate came from
	source      string   // <meta name=ContentSource>
	siteCode    string   // <meta name=SiteIDCode>
}

// isHTMLName reports file extensions of saved web pages.
func isHTMLName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php":
		return true
	}
	return false
}

// htmlMarkers are tags whose presence near the start marks a web page; a
// text report may contain <法治政府建设实施纲要> but not these. Lower case,
// without the leading '<'.
var htmlMarkers = []string{"!doctype html", "html", "head", "body", "meta ", "title", "div", "p>", "p ", "br", "table", "span", "script", "style", "a href"}

// sniffHTML looks at the first KiB for HTML markup.
func sniffHTML(raw []byte) bool {
	head := raw[:min(len(raw), 1024)]
	if bytes.IndexByte(head, '<') < 0 {
		return false
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] != '<' {
		// Fragments from a JSONL html field may start with text; require
		// two markers then.
		return countMarkers(head) >= 2
	}
	return countMarkers(head) >= 1
}

// countMarkers counts the distinct markers that follow a '<', ignoring case.
func countMarkers(head []byte) int {
	var seen uint32
	for i := bytes.IndexByte(head, '<'); i >= 0; {
		rest := head[i+1:]
		for k, m := range htmlMarkers {
			if len(rest) >= len(m) && bytes.EqualFold(rest[:len(m)], []byte(m)) {
				seen |= 1 << k
			}
		}
		j := bytes.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return bits.OnesCount32(seen)
}

// skipped elements hold no visible text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe,
		atom.Object, atom.Canvas, atom.Audio, atom.Video, atom.Math:
		return true
	}
	return false
}

// block elements start a new line.
func block(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Caption, atom.Option,
		atom.Br, atom.Ul, atom.Select, atom.Textarea:
		return true
	}
	return false
}

// htmlWriter accumulates visible text with HTML whitespace rules.
type htmlWriter struct {
	b       strings.Builder
	last    rune // last rune written, 0 at start
	pending int  // 0 none, 1 space, 2 space run holding a line break
}

func (w *htmlWriter) newline() {
	w.pending = 0
	if w.last != '\n' && w.last != 0 {
		w.b.WriteByte('\n')
		w.last = '\n'
	}
}

func (w *htmlWriter) space() {
	if w.pending == 0 {
		w.pending = 1
	}
}

// text writes a text node, collapsing whitespace runs to one space. A run
// holding a line break between two Chinese characters is dropped, as
// browsers do, since Chinese has no spaces between words.
func (w *htmlWriter) text(s string, pre bool) {
	for _, r := range s {
		if pre && r == '\n' {
			w.newline()
			continue
		}
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			if r == '\n' || r == '\r' {
				w.pending = 2
			} else if w.pending == 0 {
				w.pending = 1
			}
			continue
		}
		if w.pending > 0 && w.last != '\n' && w.last != 0 {
			if w.pending == 1 || !(wide(w.last) && wide(r)) {
				w.b.WriteByte(' ')
			}
		}
		w.pending = 0
		w.b.WriteRune(r)
		w.last = r
	}
}

// wide reports CJK characters and punctuation.
func wide(r rune) bool {
	return isHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == '“' || r == '”'
}

// htmlToText returns the visible text of a page, one block per line.
func htmlToText(src string) (string, htmlInfo) {
	var info htmlInfo
	var w htmlWriter
	w.b.Grow(len(src) / 3)
	z := html.NewTokenizer(strings.NewReader(src))
	var (
		skipDepth int       // inside script/style/…
		skipAtom  atom.Atom // the element that started skipping
		preDepth  int
		inTitle   bool
		titleBuf  strings.Builder
		h1Depth   int
		h1Buf     strings.Builder
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return w.b.String(), info
		case html.TextToken:
			if skipDepth > 0 {
				continue
			}
			t := string(z.Text())
			if inTitle {
				titleBuf.WriteString(t)
				continue
			}
			if h1Depth > 0 {
				h1Buf.WriteString(t)
			}
			w.text(t, preDepth > 0)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skipDepth > 0 {
				if a == skipAtom && tt == html.StartTagToken {
					skipDepth++
				}
				continue
			}
			switch {
			case skipped(a):
				if tt == html.StartTagToken {
					skipDepth, skipAtom = 1, a
				}
				continue
			case a == atom.Title:
				inTitle = tt == html.StartTagToken
				continue
			case a == atom.Meta && hasAttr:
				readMeta(z, &info)
				continue
			case a == atom.Link && hasAttr:
				readLink(z, &info)
				continue
			case a == atom.Pre && tt == html.StartTagToken:
				preDepth++
			case a == atom.H1 && tt == html.StartTagToken:
				h1Depth++
			case a == atom.Td || a == atom.Th:
				w.space()
				continue
			case a == atom.Img && hasAttr:
				continue
			}
			if block(a) {
				w.newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipDepth > 0 {
				if a == skipAtom {
					skipDepth--
				}
				continue
			}
			switch a {
			case atom.Title:
				if inTitle {
					inTitle = false
					if info.title == "" {
						info.title = strings.TrimSpace(titleBuf.String())
					}
				}
				continue
			case atom.Pre:
				preDepth = max(0, preDepth-1)
			case atom.H1:
				if h1Depth > 0 {
					h1Depth--
					if h1Depth == 0 {
						if t := strings.Join(strings.Fields(h1Buf.String()), " "); t != "" {
							info.h1 = append(info.h1, t)
						}
						h1Buf.Reset()
					}
				}
			case atom.Td, atom.Th:
				w.space()
				continue
			}
			if block(a) {
				w.newline()
			}
		}
	}
}

func attrs(z *html.Tokenizer) map[string]string {
	m := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		m[string(k)] = string(v)
		if !more {
			return m
		}
	}
}

// readMeta keeps the publication tags of Chinese government CMSs
// (ArticleTitle, PubDate, ContentSource, SiteIDCode) and Open Graph.
func readMeta(z *html.Tokenizer, info *htmlInfo) {
	a := attrs(z)
	content := strings.TrimSpace(a["content"])
	if content == "" {
		return
	}
	key := strings.ToLower(a["name"])
	if key == "" {
		key = strings.ToLower(a["property"])
	}
	switch key {
	case "articletitle", "og:title":
		if info.metaTitle == "" || key == "articletitle" {
			info.metaTitle = content
		}
	case "pubdate", "publishdate", "publish_date", "article:published_time", "publishtime", "firstpublishedtime":
		if info.pubDate == "" {
			info.pubDate = content
			info.pubEvidence = `<meta name="` + a["name"] + a["property"] + `" content="` + content + `">`
		}
	case "contentsource", "source":
		if info.source == "" {
			info.source = content
		}
	case "siteidcode":
		info.siteCode = content
	case "og:url":
		info.ogURL = content
	}
}

func readLink(z *html.Tokenizer, info *htmlInfo) {
	a := attrs(z)
	if strings.EqualFold(strings.TrimSpace(a["rel"]), "canonical") && info.canonical == "" {
		info.canonical = strings.TrimSpace(a["href"])
	}
}

// absoluteURL keeps only URLs that can identify a page on their own.
func absoluteURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
		if utf8.ValidString(u) {
			return u
		}
	}
	return ""
}
