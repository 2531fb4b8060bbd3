package queries

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Meeting is one report with everything extracted from it.
type Meeting struct {
	ID            string       `json:"id"`
	Source        string       `json:"source"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	Text          string       `json:"text"`
	ProvinceCode  string       `json:"province_code"`
	Province      string       `json:"province"`
	CityCode      string       `json:"city_code"`
	City          string       `json:"city"`
	DistrictCode  string       `json:"district_code"`
	District      string       `json:"district"`
	MeetingDate   string       `json:"meeting_date"`
	PublishedDate string       `json:"published_date"`
	DateSource    string       `json:"date_source"`
	Chair         string       `json:"chair"`
	MeetingKinds  []string     `json:"meeting_kinds"`
	Session       string       `json:"session"`
	Script        string       `json:"script"`
	Lang          string       `json:"lang"`
	Encoding      string       `json:"encoding"`
	Spam          bool         `json:"spam"`
	Warnings      []string     `json:"warnings"`
	Evidence      string       `json:"evidence"` // JSON object: field -> {rule, text}
	Chars         int64        `json:"chars"`
	Topics        []TopicCount `json:"topics"`
	Items         []AgendaItem `json:"items"`
	Documents     []Document   `json:"documents"`
}

// TopicCount is how often a topic is mentioned.
type TopicCount struct {
	Topic    string `json:"topic"`
	Mentions int64  `json:"mentions"`
}

// AgendaItem is one item of the meeting; Start and End are byte offsets
// into Meeting.Text.
type AgendaItem struct {
	Index  int64        `json:"idx"`
	Kind   string       `json:"kind"`
	Text   string       `json:"text"`
	Start  int64        `json:"start"`
	End    int64        `json:"end"`
	Topics []TopicCount `json:"topics"`
}

// Document is a title in 《》 the meeting reviewed.
type Document struct {
	Index int64  `json:"idx"`
	Title string `json:"title"`
	Verb  string `json:"verb"`
}

// GetMeeting returns the report with id, or an error wrapping ErrNotFound.
func GetMeeting(ctx context.Context, db *DB, id string) (*Meeting, error) {
	var m Meeting
	var rid int64
	var kinds, warnings string
	var counts string
	err := db.SQL.QueryRowContext(ctx, meetingSQL, sql.Named("id", id)).Scan(&rid, &m.ID, &m.Source, &m.URL, &m.Title, &m.Text,
		&m.ProvinceCode, &m.Province, &m.CityCode, &m.City, &m.DistrictCode, &m.District,
		&m.MeetingDate, &m.PublishedDate, &m.DateSource, &m.Chair, &kinds, &m.Session, &m.Script, &m.Lang,
		&m.Encoding, &m.Spam, &warnings, &m.Evidence, &m.Chars, &counts)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("meeting %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read meeting %q: %w", id, err)
	}
	m.MeetingKinds = splitNonEmpty(kinds, ";")
	m.Warnings = splitNonEmpty(warnings, "\n")
	m.Topics = parseTopicCounts(counts)
	slices.SortStableFunc(m.Topics, func(a, b TopicCount) int { return cmp.Compare(b.Mentions, a.Mentions) })
	// The other tables are read by rid, whose sorted column DuckDB prunes
	// by row group; their report_id column would be read whole.
	args := []any{sql.Named("rid", rid)}
	err = queryRows(ctx, db, "agenda items", meetingItemsSQL, args, func(rows *sql.Rows) error {
		var it AgendaItem
		var topics string
		if err := rows.Scan(&it.Index, &it.Kind, &it.Start, &it.End, &topics); err != nil {
			return err
		}
		it.Text = span(m.Text, it.Start, it.End)
		it.Topics = parseTopicCounts(topics)
		m.Items = append(m.Items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = queryRows(ctx, db, "documents", meetingDocsSQL, args, func(rows *sql.Rows) error {
		var d Document
		if err := rows.Scan(&d.Index, &d.Title, &d.Verb); err != nil {
			return err
		}
		m.Documents = append(m.Documents, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// span is text[start:end] as extraction gave it for an agenda item (invalid
// UTF-8 at a cut replaced), or "" when the span is out of range.
func span(text string, start, end int64) string {
	if start < 0 || end < start || end > int64(len(text)) {
		return ""
	}
	s := text[start:end]
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// parseTopicCounts reads "topic:n;topic:n", as reports.topic_counts holds
// it and meeting_items.sql writes it.
func parseTopicCounts(s string) []TopicCount {
	var out []TopicCount
	for _, part := range splitNonEmpty(s, ";") {
		topic, n, ok := strings.Cut(part, ":")
		if !ok {
			continue
		}
		var c int64
		fmt.Sscan(n, &c)
		out = append(out, TopicCount{Topic: topic, Mentions: c})
	}
	return out
}

func splitNonEmpty(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}
