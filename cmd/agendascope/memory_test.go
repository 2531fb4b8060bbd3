package main

import (
	"context"
	"math"
	"runtime/debug"
	"testing"

	"agendascope/queries/querytest"
)

func TestLimitServeMemory(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })

	cases := []struct {
		name   string
		env    string
		before int64
		// want checks the limit limitServeMemory leaves.
		want func(int64) bool
	}{
		{"ingest's limit becomes live heap plus headroom", "", ingestGoMemory,
			func(l int64) bool { return l > serveHeadroom && l < serveHeadroom+(4<<30) }},
		{"no limit becomes live heap plus headroom", "", math.MaxInt64,
			func(l int64) bool { return l > serveHeadroom && l < serveHeadroom+(4<<30) }},
		{"GOMEMLIMIT is the user's", "300MiB", 300 << 20,
			func(l int64) bool { return l == 300<<20 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", c.env)
			db := querytest.OpenReadOnly(t)
			debug.SetMemoryLimit(c.before)
			limitServeMemory(context.Background(), db)
			if held, err := db.TextHeld(); !held || err != nil {
				t.Fatalf("text held %v, %v after limitServeMemory: it must wait for the load", held, err)
			}
			if got := debug.SetMemoryLimit(-1); !c.want(got) {
				t.Errorf("memory limit %d after serving starts", got)
			}
		})
	}
}
