package bench

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Memory figures come from /proc/self/status, which counts what the
// operating system sees (Go heap, DuckDB's buffer pool, gse's dictionary),
// not just the Go heap.

// RSS returns the resident set size now and its peak (VmHWM), in bytes.
func RSS() (now, peak int64, err error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return rusagePeak()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch k {
		case "VmRSS":
			now = kB(v)
		case "VmHWM":
			peak = kB(v)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, fmt.Errorf("bench: read /proc/self/status: %w", err)
	}
	return now, peak, nil
}

func kB(v string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
	return n << 10
}

// rusagePeak is the fallback off Linux: peak only, never reset.
func rusagePeak() (int64, int64, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, fmt.Errorf("bench: getrusage: %w", err)
	}
	return 0, ru.Maxrss << 10, nil
}

// ResetPeak starts a new peak-RSS window, so that one phase's peak is not
// the earlier phases' (Linux: writing 5 to clear_refs resets VmHWM). It
// reports false where that is not possible; peaks then cover the process.
func ResetPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// sampler records the highest RSS seen while it runs, for phases where a
// reset peak would be polluted by other goroutines of the same process
// (the streamed download shares the process with the server).
type sampler struct {
	stop chan struct{}
	done sync.WaitGroup
	max  int64
}

func startSampler(every time.Duration) *sampler {
	s := &sampler{stop: make(chan struct{})}
	s.max, _, _ = RSS()
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				if now, _, err := RSS(); err == nil && now > s.max {
					s.max = now
				}
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the highest RSS seen.
func (s *sampler) Stop() int64 {
	close(s.stop)
	s.done.Wait()
	return s.max
}

// CPUTime is the user+system time the process has used, on all threads.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
