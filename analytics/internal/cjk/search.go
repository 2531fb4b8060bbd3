// Package cjk searches Chinese text for literal strings faster than the
// strings package does.
//
// strings.Index looks for the first byte of what it seeks, and the first
// byte of a Chinese character is one of a handful of lead bytes (E4..E9)
// that recur every few bytes of Chinese text, so it ends up comparing at
// nearly every offset. The last byte of a character is one of 64
// continuation bytes, rare enough for IndexByte to skip most of the text.
// The functions give exactly the strings package's answers, for any input.
package cjk

import "strings"

// Index is strings.Index(s, sub).
func Index(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return 0
	}
	last := sub[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		if s[i+1-n:i+1] == sub {
			return i + 1 - n
		}
	}
	return -1
}

// LastIndex is strings.LastIndex(s, sub).
func LastIndex(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return len(s)
	}
	last := sub[n-1]
	for i := len(s); i >= n; {
		j := strings.LastIndexByte(s[:i], last)
		if j < n-1 {
			return -1
		}
		if s[j+1-n:j+1] == sub {
			return j + 1 - n
		}
		i = j
	}
	return -1
}

// Contains is strings.Contains(s, sub).
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }
