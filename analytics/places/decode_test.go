package places

import (
	"testing"
	"unicode/utf8"
)

// decode3 must agree with utf8.DecodeRuneInString wherever it decodes: on
// every three-byte sequence with a three-byte lead, valid or not, and at the
// end of a text.
func TestDecode3MatchesUTF8(t *testing.T) {
	b := make([]byte, 3)
	for c := 0xE0; c <= 0xEF; c++ {
		for c1 := range 256 {
			for c2 := range 256 {
				b[0], b[1], b[2] = byte(c), byte(c1), byte(c2)
				for n := 1; n <= 3; n++ {
					s := string(b[:n])
					r, ok := decode3(s, 0)
					wr, wsize := utf8.DecodeRuneInString(s)
					if ok && (r != wr || wsize != 3) {
						t.Fatalf("decode3(% x) = %U, want %U of %d bytes", b[:n], r, wr, wsize)
					}
				}
			}
		}
	}
	if _, ok := decode3("惠", 0); !ok {
		t.Error("decode3 declines 惠")
	}
}
