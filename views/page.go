package views

import (
	"html/template"
	"net/url"
)

// Page is what every template receives. Handlers fill the parts their page
// has; the layout shows the rest only when set.
type Page struct {
	Lang      Lang
	Title     string
	Nav       string     // which menu entry is active: overview, trends, ...
	Path      string     // request path, for the language switch
	Query     url.Values // request query, for the language switch
	Form      *Form
	Applied   []Applied // the filters in force, by name
	Intro     string    // what the page shows, above the chart
	Note      string
	Empty     string // shown instead of the chart when nothing matched
	Charts    []Chart
	Downloads []Link
	Related   []Link // other views of the same subject
	Table     *Table
	Data      any // page-specific: *OverviewData, *MeetingsData, *MeetingData, *ErrorData
}

// T translates key into the page's language.
func (p *Page) T(key string) string { return T(p.Lang, key) }

// LangURL is the current page in the other language.
func (p *Page) LangURL() string {
	q := url.Values{}
	for k, v := range p.Query {
		if k != "lang" {
			q[k] = v
		}
	}
	if p.Lang != EN {
		q.Set("lang", "en")
	}
	if len(q) == 0 {
		return p.Path
	}
	return p.Path + "?" + q.Encode()
}

// NavURL is a menu link that keeps the language.
func (p *Page) NavURL(path string) string {
	if p.Lang == EN {
		return path + "?lang=en"
	}
	return path
}

// Applied is one filter in force, e.g. {区县, 惠山区 (320206)}.
type Applied struct {
	Label string
	Value string
}

// Link is a labelled URL.
type Link struct {
	Label string
	URL   string
}

// Option is one choice of a select or checkbox group.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// Form is the filter form; a nil option list hides that control.
type Form struct {
	Action     string
	Topics     []Option // checkboxes (several topics)
	Topic      []Option // select (one topic)
	Periods    []Option
	Measures   []Option
	Levels     []Option
	Kinds      []Option
	Current    []Option // select of one period (rising terms)
	NoDates    bool     // hides from/to where a page takes no date range
	From, To   string
	ShowPlaces bool
	District   string
	City       string
	Province   string
	ShowQ      bool
	Q          string
	ShowTerms  bool
	Terms      string
	ShowTerm   bool // one phrase, name=term (diffusion)
	Term       string
	ShowTop    bool
	Top        string
	Min        string
}

// Table is the numbers behind a chart, or any list.
type Table struct {
	Columns []Column
	Rows    [][]Cell
}

// Column is a table heading; Num right-aligns it.
type Column struct {
	Label string
	Num   bool
}

// Cell is a table cell, optionally a link.
type Cell struct {
	Text   string
	Link   string
	Num    bool
	Code   bool // a raw key the interface has no name for: shown as code
	NoWrap bool // a name that must not break mid-word (places, people)
}

// OverviewData is the overview page.
type OverviewData struct {
	Stats    []Stat
	Topics   *Table
	Years    *Table
	Sources  *Table
	Kinds    *Table
	Warnings *Table
}

// Stat is one headline number.
type Stat struct {
	Label string
	Value string
	Link  string
	Warn  bool
}

// MeetingsData is the meetings list page.
type MeetingsData struct {
	Total    string
	PageInfo string
	Prev     string
	Next     string
}

// MeetingData is one meeting's page.
type MeetingData struct {
	Record    []Stat // label/value pairs
	Topics    []TopicChip
	Items     *Table
	Documents *Table
	Warnings  []string
	Evidence  *Table
	Text      template.HTML // escaped text with <mark> around keywords
	Back      string
	Spam      bool
}

// TopicChip is a topic the meeting mentions, in its marker colour.
type TopicChip struct {
	Label    string
	Mentions int64
	Class    string
	Link     string
}

// ErrorData is the error page.
type ErrorData struct {
	Status  int
	Message string
}
