package textnorm

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Doc.Encoding.
const (
	encUTF8    = "utf-8"
	encGB18030 = "gb18030"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encBig5    = "big5"
)

// binarySignatures are file magics of formats that crawlers commonly save by
// mistake instead of the article text.
var binarySignatures = []struct {
	magic, kind string
}{
	{"%PDF", "PDF"},
	{"PK\x03\x04", "zip/office archive"},
	{"\x89PNG", "PNG image"},
	{"GIF8", "GIF image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"RIFF", "RIFF media"},
	{"\x1f\x8b", "gzip"},
	{"BZh", "bzip2"},
	{"7z\xbc\xaf", "7z archive"},
	{"Rar!", "RAR archive"},
	{"\xd0\xcf\x11\xe0", "OLE document (doc/xls)"},
	{"\x7fELF", "ELF executable"},
	{"\x00\x00\x01\x00", "icon"},
	{"ID3", "MP3 audio"},
	{"\x00\x00\x00", "media container"},
	{"wOFF", "web font"},
	{"BM", "bitmap"},
}

// decode turns raw bytes into valid UTF-8 and names the encoding it used.
// htmlHint says the caller believes the input is HTML, so a <meta charset>
// may be trusted when the bytes are not UTF-8.
func decode(raw []byte, htmlHint bool) (string, string, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", "", ErrEmpty
	}
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return decodeUTF8(raw[3:]), encUTF8, nil
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), raw[2:], encUTF16LE)
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), raw[2:], encUTF16BE)
	}
	head := string(raw[:min(len(raw), 8)])
	for _, sig := range binarySignatures {
		if strings.HasPrefix(head, sig.magic) {
			// "BM" and "ID3" are also plausible starts of ASCII text, so
			// they only count when the rest does not look like text.
			if (sig.magic == "BM" || sig.magic == "ID3") && !hasControlBytes(raw) {
				continue
			}
			return "", "", fmt.Errorf("%s signature: %w", sig.kind, ErrBinary)
		}
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		// NULs never occur in UTF-8/GBK text, but half of the bytes of
		// ASCII-heavy UTF-16 are NUL.
		if enc, name := utf16ByNULs(raw); enc != nil {
			return decodeWith(enc, raw, name)
		}
		return "", "", fmt.Errorf("NUL bytes: %w", ErrBinary)
	}
	if controlByteShare(raw) > 0.01 {
		return "", "", fmt.Errorf("control bytes: %w", ErrBinary)
	}
	if utf8.Valid(raw) {
		return string(raw), encUTF8, nil
	}
	if mostlyUTF8(raw) {
		// A truncated or damaged multi-byte sequence in an otherwise UTF-8
		// page: GB18030 would turn the whole page into mojibake.
		return decodeUTF8(raw), encUTF8, nil
	}
	if enc, name := utf16ByPlausibility(raw, 0.95); enc != nil {
		return decodeWith(enc, raw, name)
	}
	if htmlHint || sniffHTML(raw) {
		if enc, name := declaredCharset(raw); enc != nil {
			if s, n, err := decodeWith(enc, raw, name); err == nil {
				return s, n, nil
			}
		}
	}
	s, name, err := decodeWith(simplifiedchinese.GB18030, raw, encGB18030)
	if err != nil {
		return "", "", err
	}
	return s, name, nil
}

// decodeUTF8 replaces invalid sequences so the result is always valid.
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// decodeWith decodes with enc and rejects the result when too much of it is
// replacement characters or characters a Chinese/English report would not
// hold: legacy decoders map almost any byte soup to some code point.
func decodeWith(enc encoding.Encoding, raw []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("%s: %v: %w", name, err, ErrUndecodable)
	}
	var total, bad, odd int
	for _, r := range string(out) {
		total++
		switch {
		case r == utf8.RuneError:
			bad++
		case !plausibleRune(r):
			odd++
		}
	}
	// A few bad sequences are tolerated: scraped pages are often cut in the
	// middle of a character.
	if bad > 2 && bad*200 > total {
		return "", "", fmt.Errorf("%s: %d invalid sequences: %w", name, bad, ErrUndecodable)
	}
	if odd*10 > total {
		return "", "", fmt.Errorf("%s: implausible characters: %w", name, ErrUndecodable)
	}
	if !utf8.Valid(out) {
		out = []byte(strings.ToValidUTF8(string(out), "\uFFFD"))
	}
	return string(out), name, nil
}

// plausibleRune reports whether r is likely in a Chinese or English report.
func plausibleRune(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 0x20 || r == '\n' || r == '\r' || r == '\t' || r == '\f'
	case r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0x3400 && r <= 0x4DBF,   // extension A
		r >= 0x3000 && r <= 0x303F,   // CJK punctuation
		r >= 0xFF00 && r <= 0xFFEF,   // full-width forms
		r >= 0x2000 && r <= 0x27BF,   // general punctuation, symbols, arrows, shapes
		r >= 0x00A0 && r <= 0x024F,   // Latin-1 and Latin extended (pinyin)
		r >= 0x3200 && r <= 0x33FF,   // enclosed CJK, CJK compatibility
		r >= 0xF900 && r <= 0xFAFF,   // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,   // CJK compatibility forms
		r >= 0x20000 && r <= 0x2FA1F, // CJK extensions B…
		r == 0xFEFF, r == utf8.RuneError,
		r >= 0x0370 && r <= 0x04FF, // Greek, Cyrillic (units, list markers)
		r >= 0x3100 && r <= 0x312F, // bopomofo
		r >= 0x2E80 && r <= 0x2FDF: // radicals
		return true
	}
	return false
}

func hasControlBytes(raw []byte) bool { return controlByteShare(raw) > 0 }

// controlByteShare is the share of C0 control bytes other than whitespace
// in the first 8 KiB.
func controlByteShare(raw []byte) float64 {
	head := raw[:min(len(raw), 8192)]
	n := 0
	for _, c := range head {
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			n++
		}
	}
	return float64(n) / float64(len(head))
}

// mostlyUTF8 reports whether invalid bytes are rare next to valid multi-byte
// sequences; GBK text almost never forms valid UTF-8 sequences by chance.
func mostlyUTF8(raw []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return valid >= 20*invalid
}

// utf16ByNULs decides the byte order of UTF-16 text without a BOM from where
// its NUL bytes fall: ASCII characters put them in the high byte.
func utf16ByNULs(raw []byte) (encoding.Encoding, string) {
	if len(raw)%2 != 0 {
		return nil, ""
	}
	head := raw[:min(len(raw), 8192)]
	var even, odd int
	for i, c := range head {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	pairs := len(head) / 2
	switch {
	case odd > pairs/10 && even == 0:
		return utf16ByPlausibilityOrder(raw, unicode.LittleEndian, encUTF16LE)
	case even > pairs/10 && odd == 0:
		return utf16ByPlausibilityOrder(raw, unicode.BigEndian, encUTF16BE)
	}
	return utf16ByPlausibility(raw, 0.9)
}

func utf16ByPlausibilityOrder(raw []byte, order unicode.Endianness, name string) (encoding.Encoding, string) {
	if utf16Plausible(raw, order == unicode.LittleEndian) < 0.9 {
		return nil, ""
	}
	return unicode.UTF16(order, unicode.IgnoreBOM), name
}

// utf16ByPlausibility accepts UTF-16 without a BOM or NULs (all-Chinese text)
// when nearly every code unit is a plausible character in one byte order.
// Only reached for bytes that are neither valid UTF-8 nor contain NULs;
// GBK never passes because its byte pairs land outside the CJK block.
func utf16ByPlausibility(raw []byte, threshold float64) (encoding.Encoding, string) {
	if len(raw)%2 != 0 || len(raw) < 4 {
		return nil, ""
	}
	le, be := utf16Plausible(raw, true), utf16Plausible(raw, false)
	switch {
	case le >= threshold && le > be:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), encUTF16LE
	case be >= threshold && be > le:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), encUTF16BE
	}
	return nil, ""
}

func utf16Plausible(raw []byte, little bool) float64 {
	head := raw[:min(len(raw), 2048)&^1] // a sample is enough to tell
	ok := 0
	for i := 0; i+1 < len(head); i += 2 {
		u := rune(head[i])<<8 | rune(head[i+1])
		if little {
			u = rune(head[i+1])<<8 | rune(head[i])
		}
		if (u >= 0xD800 && u <= 0xDFFF) || plausibleRune(u) {
			ok++
		}
	}
	return float64(ok) / float64(len(head)/2)
}

// declaredCharset reads <meta charset> / http-equiv from the first KiB of an
// HTML page. It returns nil for no declaration, UTF-8 (the bytes already
// failed UTF-8) and windows-1252 (the WHATWG fallback, also what Chinese
// pages wrongly declare as iso-8859-1; GB18030 detection does better).
func declaredCharset(raw []byte) (encoding.Encoding, string) {
	_, name, _ := charset.DetermineEncoding(raw, "")
	switch name {
	case "", "utf-8", "windows-1252":
		return nil, ""
	case "gbk", "gb18030", "gb2312":
		return simplifiedchinese.GB18030, encGB18030
	case "big5":
		return traditionalchinese.Big5, encBig5
	}
	enc, canon := charset.Lookup(name)
	return enc, canon
}
