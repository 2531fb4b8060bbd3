package textnorm

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

const sampleReport = "区政府召开第6次常务会议\n发布时间:2022-04-15\n4月14日上午，区长李平主持召开第6次区政府常务会议，审议通过了《滨湖区城市运行“一网统管”建设三年行动计划(2022-2024年)》。\n"

func mustEncode(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding fixture: %v", err)
	}
	return b
}

func TestDecodeEncodings(t *testing.T) {
	tests := []struct {
		name    string
		raw     []byte
		html    bool
		wantEnc string
	}{
		{"utf-8", []byte(sampleReport), false, encUTF8},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), sampleReport...), false, encUTF8},
		{"gbk", mustEncode(t, simplifiedchinese.GBK.NewEncoder(), sampleReport), false, encGB18030},
		{"gb18030", mustEncode(t, simplifiedchinese.GB18030.NewEncoder(), sampleReport), false, encGB18030},
		{"utf-16le bom", mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), sampleReport), false, encUTF16LE},
		{"utf-16be bom", mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(), sampleReport), false, encUTF16BE},
		{"utf-16le no bom", mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(), sampleReport), false, encUTF16LE},
		{"utf-16be no bom", mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder(), sampleReport), false, encUTF16BE},
		{"utf-16le no bom all chinese", mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(), "区政府召开常务会议研究部署安全生产工作"), false, encUTF16LE},
		{
			"big5 declared in html",
			append([]byte(`<html><head><meta charset="big5"></head><body><p>`),
				append(mustEncode(t, traditionalchinese.Big5.NewEncoder(), "區政府召開常務會議，研究部署當前重點工作。"), "</p></body></html>"...)...),
			false, encBig5,
		},
		{
			"gbk page declaring gb2312",
			append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>`),
				append(mustEncode(t, simplifiedchinese.GBK.NewEncoder(), sampleReport), "</p></body></html>"...)...),
			false, encGB18030,
		},
		// A UTF-8 page that wrongly declares GBK is still read as UTF-8.
		{"utf-8 page declaring gbk", []byte(`<html><head><meta charset="gbk"></head><body><p>` + sampleReport + `</p></body></html>`), true, encUTF8},
		// A page cut in the middle of a character stays UTF-8.
		{"utf-8 with truncated rune", append([]byte(strings.Repeat(sampleReport, 2)), 0xe5, 0x8c), false, encUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Normalize(tc.raw, Options{Name: tc.name, HTML: tc.html})
			if err != nil {
				t.Fatalf("Normalize: %v", err)
			}
			if d.Encoding != tc.wantEnc {
				t.Errorf("Encoding = %q, want %q", d.Encoding, tc.wantEnc)
			}
			if !strings.Contains(d.Text, "区政府召开") && !strings.Contains(d.Text, "区长李平") {
				t.Errorf("Text not decoded: %q", d.Text)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"zero bytes", nil, ErrEmpty},
		{"whitespace", []byte(" \r\n\t \n"), ErrEmpty},
		{"ideographic spaces", []byte("\u3000\u3000\n\u00a0"), ErrEmpty},
		{"only bom", []byte("\xef\xbb\xbf"), ErrEmpty},
		{"html without text", []byte("<html><head><script>var a='区政府';</script></head><body> </body></html>"), ErrEmpty},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), ErrBinary},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrBinary},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), ErrBinary},
		{"ole doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), ErrBinary},
		{"nul bytes", []byte("区政府\x00\x01\x02召开\x00会议\x00"), ErrBinary},
		{"control bytes", []byte(strings.Repeat("abc\x01\x02\x03\x04", 20)), ErrBinary},
		{"latin-1", []byte("Ceci est un r\xe9sum\xe9 tr\xe8s d\xe9taill\xe9 \xe0 c\xf4t\xe9 de la r\xe9union."), ErrUndecodable},
		{"random high bytes", []byte("\x80\xff\x80\xff\x80\xff\x80\xff\x80\xff\x80\xff\x80"), ErrUndecodable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Normalize(tc.raw, Options{Name: "x.txt"})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v (doc %+v)", err, tc.want, d)
			}
			if !strings.Contains(err.Error(), "x.txt") {
				t.Errorf("error %q does not name the input", err)
			}
		})
	}
}

// Text that merely starts like a magic number is still text.
func TestDecodeTextLookingLikeMagic(t *testing.T) {
	for _, s := range []string{"BMW 区政府召开会议", "ID3 区政府召开会议"} {
		if _, err := Normalize([]byte(s), Options{}); err != nil {
			t.Errorf("Normalize(%q): %v", s, err)
		}
	}
}
