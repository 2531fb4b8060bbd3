package analytics

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"agendascope/analytics/meeting"
	"agendascope/analytics/places"
	"agendascope/analytics/textnorm"
	"agendascope/analytics/topics"
)

// Input is one report as read from disk or a JSONL line. The optional
// fields come from JSONL and override what extraction would infer.
type Input struct {
	Source       string // path, path:line or URL, as the user gave it
	Raw          []byte
	HTML         bool
	URL          string
	Title        string
	Date         string // meeting date YYYY-MM-DD, YYYY-MM or YYYY
	Published    string // YYYY-MM-DD
	District     string
	DistrictCode string
}

// Extractor turns inputs into records. It is safe for concurrent use.
type Extractor struct {
	tagger *topics.Tagger
}

// New returns an extractor counting topics with tagger.
func New(tagger *topics.Tagger) *Extractor {
	return &Extractor{tagger: tagger}
}

// Tagger is the tagger the extractor counts topics with.
func (x *Extractor) Tagger() *topics.Tagger { return x.tagger }

var (
	givenDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	isoDate   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// Extract reads one report. The error names the source and why it could not
// be read (empty, binary, undecodable, no text).
func (x *Extractor) Extract(in Input) (Record, error) {
	doc, err := textnorm.Normalize(in.Raw, textnorm.Options{Name: in.Source, HTML: in.HTML, URL: in.URL})
	if err != nil {
		return Record{}, fmt.Errorf("extract %s: %w", in.Source, err)
	}
	if doc.Body == "" {
		return Record{}, fmt.Errorf("extract %s: %w", in.Source, textnorm.ErrEmpty)
	}
	r := Record{
		Source:      in.Source,
		URL:         doc.Meta.URL,
		Title:       doc.Title,
		Script:      doc.Script,
		Lang:        doc.Lang,
		Encoding:    doc.Encoding,
		Spam:        doc.Spam,
		SpamStrings: doc.SpamStrings,
		Text:        doc.Body,
		Original:    doc.Original,
		Chars:       utf8.RuneCountInString(doc.Body),
		Evidence:    map[string]Proof{},
		Warnings:    []string{},
	}
	if in.Title != "" {
		r.Title = textnorm.Simplify(in.Title)
	}
	if in.URL != "" {
		r.URL = in.URL
	}
	sum := sha256.Sum256([]byte(doc.Body))
	r.ID = hex.EncodeToString(sum[:10])

	published := doc.Meta.Published
	if in.Published != "" {
		if !isoDate.MatchString(in.Published) {
			return Record{}, fmt.Errorf("extract %s: published %q is not YYYY-MM-DD", in.Source, in.Published)
		}
		published = in.Published
		r.Evidence["published_date"] = Proof{Rule: "given", Text: in.Published}
	} else if published != "" {
		r.Evidence["published_date"] = Proof{Rule: "page_metadata", Text: doc.Meta.PublishedEvidence}
	}
	if published != "" {
		r.PublishedDate = &published
	}

	x.place(&r, doc, in)

	mi := meeting.Input{Title: r.Title, Body: doc.Body, Published: published, Generated: doc.Meta.Generated, URL: r.URL, Lang: doc.Lang,
		Valid: true} // Normalize returns valid UTF-8
	m := meeting.Extract(mi)
	switch {
	case in.Date != "":
		if !givenDate.MatchString(in.Date) {
			return Record{}, fmt.Errorf("extract %s: date %q is not YYYY-MM-DD, YYYY-MM or YYYY", in.Source, in.Date)
		}
		d := in.Date
		r.MeetingDate, r.DateSource = &d, "given"
		r.Evidence["meeting_date"] = Proof{Rule: "given", Text: in.Date}
	case m.Date.Value != "":
		v := m.Date.Value
		r.MeetingDate, r.DateSource = &v, m.Date.Source
		r.Evidence["meeting_date"] = Proof{Rule: m.Date.Source, Text: m.Date.Evidence}
		if len(v) == 7 {
			r.Warnings = append(r.Warnings, "meeting date known to the month only")
		}
	default:
		r.Warnings = append(r.Warnings, "no meeting date")
	}

	if m.Chair.Name != "" {
		r.Chair = m.Chair.Name
		r.Evidence["chair"] = Proof{Rule: "presided", Text: m.Chair.Evidence}
	}
	r.MeetingKinds = m.Kinds
	if r.MeetingKinds == nil {
		r.MeetingKinds = []string{}
	}
	if m.Session != "" {
		r.Session = m.Session
		r.Evidence["session"] = Proof{Rule: "session_name", Text: m.SessionEvidence}
	}
	r.DocumentsReviewed = []string{}
	for _, d := range m.Documents {
		r.Documents = append(r.Documents, Document{Title: d.Title, Verb: d.Verb, Evidence: d.Evidence})
		r.DocumentsReviewed = append(r.DocumentsReviewed, d.Title)
	}

	items := m.Items
	spans := make([]topics.Span, len(items))
	for i, it := range items {
		spans[i] = topics.Span{Start: it.Start, End: it.End}
	}
	tags := x.tagger.Tag(doc.Body, spans)
	r.Topics = tags.Topics
	r.Keywords = tags.Words
	r.Terms = tags.Terms
	r.AgendaItems = make([]AgendaItem, len(items))
	for i, it := range items {
		r.AgendaItems[i] = AgendaItem{Index: it.Index, Kind: it.Kind, Text: it.Text, Start: it.Start, End: it.End, Topics: tags.Spans[i]}
	}

	if doc.Spam {
		r.Warnings = append(r.Warnings, fmt.Sprintf("injected spam removed (%d strings)", len(doc.SpamStrings)))
	}
	if doc.Lang != "zh" {
		r.Warnings = append(r.Warnings, "not Chinese text: Chinese topic keywords cannot match")
	}
	return r, nil
}

func (x *Extractor) place(r *Record, doc textnorm.Doc, in Input) {
	clues := places.Clues{
		Title:            r.Title,
		Body:             doc.Body,
		URL:              r.URL,
		SiteCode:         doc.Meta.SiteCode,
		SourceName:       doc.Meta.SourceName,
		Publisher:        doc.Meta.Publisher,
		DistrictHint:     in.District,
		DistrictCodeHint: in.DistrictCode,
	}
	clues.Furniture = strings.Join(doc.Furniture, "\n")
	res, ok := places.Resolve(clues)
	if !ok {
		r.Warnings = append(r.Warnings, "no district")
		return
	}
	p := res.Place
	r.Province, r.ProvinceCode = p.Province, p.ProvinceCode
	r.City, r.CityCode = p.City, p.CityCode
	r.District, r.DistrictCode = p.Name, p.Code
	r.Evidence["district"] = Proof{Rule: res.Rule, Text: res.Evidence}
}
