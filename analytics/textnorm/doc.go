// Package textnorm turns the raw bytes of one published report (a .txt file,
// an HTML page, or the text/html field of a JSONL record) into normalized text
// that extractors can trust, and separates the article body from the site
// furniture around it.
//
// Normalize runs these stages, each in its own file:
//
//   - decode.go: rejects empty and binary input, detects UTF-8 / GB18030 /
//     UTF-16 (and an HTML <meta charset>), always yields valid UTF-8.
//   - html.go: HTML to text with golang.org/x/net/html, keeping <title>, <h1>,
//     canonical URL and the publication <meta> tags of Chinese government CMSs.
//   - fold.go: one pass that folds widths, tidies whitespace, strips pinyin
//     artefacts such as 區(qū) and counts Traditional-only characters.
//   - script.go: Traditional→Simplified with OpenCC t2s, only for text that is
//     actually Traditional.
//   - spam.go: removes injected gambling site names (新万博娱乐_新万博体育-…).
//   - lines.go, furniture.go, meta.go: split the page into furniture (navigation,
//     breadcrumbs, disclosure headers, footers…) and body, pick the headline and
//     read the publication metadata.
//
// What Text normalizes, exactly:
//
//   - Full-width digits, Latin letters and ASCII symbols (U+FF01–U+FF5E) become
//     ASCII, so （２４日） reads (24日) and 发布时间：reads 发布时间:. The Chinese
//     sentence marks ，；！？ are kept full-width because they are Chinese
//     punctuation, as are 。、《》“”【】 which are outside that block anyway.
//     Sources already differ here (many pages carry ASCII commas), so
//     extractors must accept both "," and "，".
//   - U+3000 and other Unicode spaces become ASCII spaces; zero-width
//     characters, soft hyphens and C0/C1 control characters are dropped;
//     \r\n and \r become \n.
//   - Within a line, runs of spaces and tabs collapse to one space and the line
//     is trimmed; a line break between two Chinese characters inside an HTML
//     text node is dropped (as browsers render it). Runs of blank lines
//     collapse to one blank line.
//   - A parenthesis holding one tone-marked pinyin syllable right after a Han
//     character is removed: 區(qū) → 区. Parentheses that hold anything else
//     (扩大), (2022-2024年), (24日), (记者 谭娟) are kept.
//   - Traditional text is converted to Simplified (Doc.Script tells which).
//   - Injected gambling site names are removed (Doc.SpamStrings lists them).
//   - A first line "# source: URL" is dropped (its URL goes to Meta.URL).
package textnorm

import "errors"

// Sentinel errors. Normalize wraps them with context; test with errors.Is.
var (
	// ErrEmpty means the input holds no text: zero bytes, only whitespace, or
	// an HTML page without any visible text.
	ErrEmpty = errors.New("textnorm: empty document")
	// ErrBinary means the input is not text: an image, a PDF, an archive, or
	// bytes with NULs and control characters.
	ErrBinary = errors.New("textnorm: binary content")
	// ErrUndecodable means the bytes are text-like but fit none of the
	// supported encodings.
	ErrUndecodable = errors.New("textnorm: undecodable text")
)

// Options describes what the caller already knows about one input.
type Options struct {
	// Name is the file name (or record id), used in errors and to guess the
	// format from its extension (.html, .htm, .shtml …).
	Name string
	// HTML forces HTML parsing, e.g. for the html field of a JSONL record.
	HTML bool
	// URL is the source URL if known; may be "".
	URL string
}

// Meta is the publication metadata found in the page furniture. Every value
// is normalized like Doc.Text; dates are YYYY-MM-DD.
type Meta struct {
	// URL comes from a first line "# source: URL", else Options.URL, else an
	// HTML <link rel=canonical> or og:url.
	URL string
	// Published is the publication date, from 发布时间/发布日期/公开日期/
	// 更新时间/日期/时间 labels (in that order of preference), a date-only line
	// next to the headline, or a PubDate <meta> tag.
	Published string
	// PublishedEvidence is the line (or tag) Published was read from.
	PublishedEvidence string
	// Generated is the document date from 生成日期/成文日期/发文日期.
	Generated string
	// SourceName is the 来源/文章来源/内容来源/信息来源 value.
	SourceName string
	// SiteCode is the 网站标识码 (government site id; its first six digits
	// are usually the district code).
	SiteCode string
	// IndexNo is the 索引号 of a government information disclosure page.
	IndexNo string
	// Publisher is the 发布机构 (or failing that the 主办单位).
	Publisher string
}

// Doc is one normalized report.
type Doc struct {
	// Encoding is the detected input encoding: "utf-8", "gb18030",
	// "utf-16le", "utf-16be", or "big5" when an HTML page declares it.
	Encoding string
	// Format is "text" or "html".
	Format string
	// Script is "simplified" or "traditional" (the script of the input; Text
	// is always Simplified).
	Script string
	// Lang is "zh" or "en".
	Lang string
	// Spam reports that injected gambling strings were found and removed.
	Spam bool
	// SpamStrings lists each distinct removed string once, in order of first
	// appearance.
	SpamStrings []string
	// Original is the decoded text (HTML already turned into text) before
	// any normalization, for storage and display.
	Original string
	// Text is the whole page normalized (see the package comment).
	Text string
	// Title is the headline, normalized like Text, or "".
	Title string
	// Body is the article part of Text without site furniture; lines are
	// joined with "\n" and blank lines dropped.
	Body string
	// Furniture lists the lines removed from Body (navigation, breadcrumbs,
	// disclosure headers, footers, captions…), in page order.
	Furniture []string
	// Meta is the metadata read from the furniture.
	Meta Meta
}
