package queries

import "testing"

func TestSpan(t *testing.T) {
	const text = "会议研究安全生产工作"
	tests := []struct {
		start, end int64
		want       string
	}{
		{0, 6, "会议"},
		{0, int64(len(text)), text},
		{1, 6, "\uFFFD议"}, // a cut inside a character, as extraction marks it
		{6, 3, ""},
		{0, int64(len(text)) + 1, ""},
		{-1, 3, ""},
	}
	for _, tt := range tests {
		if got := span(text, tt.start, tt.end); got != tt.want {
			t.Errorf("span(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}
