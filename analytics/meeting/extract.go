package meeting

// Result is everything the package reads from one report.
type Result struct {
	Date            DateResult
	Chair           ChairResult
	Kinds           []string
	Session         string
	SessionEvidence string
	Documents       []Document
	Items           []Item
}

// Extract runs every extractor over one report. It gives the same answers
// as calling them one by one, but prepares the text once, which matters
// over millions of reports.
func Extract(in Input) Result {
	r := newReport(in)
	res := Result{
		Date:      r.date(),
		Chair:     r.chair(),
		Kinds:     r.kinds(),
		Documents: r.documents(),
		Items:     agendaItems(r.body, in.Valid),
	}
	res.Session, res.SessionEvidence = r.session()
	return res
}

// report is a report prepared for the extractors: full-width forms folded
// and the language decided once.
type report struct {
	in          Input
	body, title folded
	en          bool
}

func newReport(in Input) *report {
	return &report{in: in, body: fold(in.Body), title: fold(in.Title), en: in.isEnglish()}
}
