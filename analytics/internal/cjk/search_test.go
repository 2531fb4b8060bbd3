package cjk

import (
	"strings"
	"testing"
)

func TestMatchesStrings(t *testing.T) {
	texts := []string{"", "a", "第", "x第", "会会会", "区政府召开常务会议，研究部署。", "\xe7\xac\xac\xac", "ab\x80\x80c", "深化改革委员会第三次会议"}
	subs := []string{"", "第", "会", "会会", "常务会", "。", "\x80", "a", "c", "委员会", "深化改革委员会第三次会议x"}
	for _, s := range texts {
		for _, sub := range subs {
			if got, want := Index(s, sub), strings.Index(s, sub); got != want {
				t.Errorf("Index(%q, %q) = %d, want %d", s, sub, got, want)
			}
			if got, want := LastIndex(s, sub), strings.LastIndex(s, sub); got != want {
				t.Errorf("LastIndex(%q, %q) = %d, want %d", s, sub, got, want)
			}
			if got, want := Contains(s, sub), strings.Contains(s, sub); got != want {
				t.Errorf("Contains(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}

// Every substring of a text, sought in it, is found where strings finds it.
func TestSubstringsOfText(t *testing.T) {
	s := "会议审议并原则通过了《关于进一步加强安全生产工作的意见》，会议要求，要会议会议。ab会"
	for i := 0; i < len(s); i++ {
		for j := i; j <= len(s) && j <= i+12; j++ {
			sub := s[i:j]
			if got, want := Index(s, sub), strings.Index(s, sub); got != want {
				t.Fatalf("Index(%q) = %d, want %d", sub, got, want)
			}
			if got, want := LastIndex(s, sub), strings.LastIndex(s, sub); got != want {
				t.Fatalf("LastIndex(%q) = %d, want %d", sub, got, want)
			}
		}
	}
}
