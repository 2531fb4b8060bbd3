// Package analytics turns one raw report into a structured Record: it
// normalizes the text (textnorm), places it (places), reads the meeting's
// date, chair, kinds and documents (meeting) and counts topics (topics).
package analytics

// Record is everything extracted from one report. Its JSON form is the
// output contract of `agendascope extract`; ingest stores the same fields.
type Record struct {
	Source        string   `json:"source"`
	ID            string   `json:"id"`
	URL           string   `json:"url,omitempty"`
	Title         string   `json:"title"`
	Province      string   `json:"province"`
	ProvinceCode  string   `json:"province_code"`
	City          string   `json:"city"`
	CityCode      string   `json:"city_code"`
	District      string   `json:"district"`
	DistrictCode  string   `json:"district_code"`
	MeetingDate   *string  `json:"meeting_date"`   // YYYY-MM-DD, YYYY-MM or null
	PublishedDate *string  `json:"published_date"` // YYYY-MM-DD or null
	DateSource    string   `json:"date_source"`
	Chair         string   `json:"chair"`
	MeetingKinds  []string `json:"meeting_kinds"`
	Session       string   `json:"session"`
	// DocumentsReviewed holds the titles the meeting reviewed; Documents
	// keeps the verb and evidence of each.
	DocumentsReviewed []string         `json:"documents_reviewed"`
	Documents         []Document       `json:"documents"`
	AgendaItems       []AgendaItem     `json:"agenda_items"`
	Topics            map[string]int   `json:"topics"`
	Keywords          map[string]int   `json:"keywords,omitempty"` // matched words, as evidence for Topics
	Script            string           `json:"script"`
	Lang              string           `json:"lang"`
	Encoding          string           `json:"encoding"`
	Spam              bool             `json:"spam"`
	SpamStrings       []string         `json:"spam_strings,omitempty"`
	Warnings          []string         `json:"warnings"`
	Evidence          map[string]Proof `json:"evidence"`
	Chars             int              `json:"chars"`

	// Text is the normalized body the counts come from; Original the decoded
	// input before normalization. Both are stored, neither is printed.
	Text     string `json:"-"`
	Original string `json:"-"`
	// Terms counts content words when the tagger collects them (ingest
	// does, for rising terms).
	Terms map[string]int `json:"-"`
}

// Proof says which rule set a field and the source span it came from.
type Proof struct {
	Rule string `json:"rule"`
	Text string `json:"text"`
}

// Document is a title the meeting reviewed and the verb it was reviewed with.
type Document struct {
	Title    string `json:"title"`
	Verb     string `json:"verb,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

// AgendaItem is one subject the meeting took up, with its byte span in Text
// and the topics counted inside it.
type AgendaItem struct {
	Index  int            `json:"index"`
	Kind   string         `json:"kind"`
	Text   string         `json:"text"`
	Start  int            `json:"start"`
	End    int            `json:"end"`
	Topics map[string]int `json:"topics,omitempty"`
}
