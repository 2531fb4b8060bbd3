package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// LoadResult is what a concurrent load run saw.
type LoadResult struct {
	Clients  int
	Requests int
	Errors   int
	FirstErr string
	Elapsed  time.Duration
	P50, P95 time.Duration
	P99, Max time.Duration
}

// RequestsPerSecond is completed requests per second of the run.
func (r LoadResult) RequestsPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// Load runs clients goroutines that each request the routes in their own
// shuffled order until maxRequests requests in all were sent or duration
// passed, whichever comes first. It refuses any base URL that is not on
// the loopback interface: a load run is never aimed at another machine.
func Load(ctx context.Context, client *http.Client, base string, routes []Route, clients, maxRequests int, duration time.Duration) (LoadResult, error) {
	if err := checkLoopback(base); err != nil {
		return LoadResult{}, err
	}
	if clients <= 0 || maxRequests <= 0 || duration <= 0 || len(routes) == 0 {
		return LoadResult{}, fmt.Errorf("bench: load run needs clients, a request count, a duration and routes")
	}
	ctx, cancel := context.WithTimeout(ctx, duration)
	defer cancel()
	var (
		mu       sync.Mutex
		lat      []time.Duration
		errs     int
		firstErr string
		sent     int
	)
	take := func() bool {
		mu.Lock()
		defer mu.Unlock()
		if sent >= maxRequests {
			return false
		}
		sent++
		return true
	}
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 1))
			order := rng.Perm(len(routes))
			for i := 0; ctx.Err() == nil && take(); i++ {
				r := routes[order[i%len(order)]]
				t0 := time.Now()
				err := fetch(ctx, client, base+r.Path)
				d := time.Since(t0)
				if ctx.Err() != nil && err != nil {
					// The run's time is up: a request cut short by the
					// deadline is not the server's error.
					return
				}
				mu.Lock()
				lat = append(lat, d)
				if err != nil {
					errs++
					if firstErr == "" {
						firstErr = r.Name + ": " + err.Error()
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return LoadResult{
		Clients: clients, Requests: len(lat), Errors: errs, FirstErr: firstErr, Elapsed: time.Since(start),
		P50: percentile(lat, 50), P95: percentile(lat, 95), P99: percentile(lat, 99), Max: percentile(lat, 100),
	}, nil
}

func fetch(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func checkLoopback(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("bench: load target %q: %w", base, err)
	}
	h := u.Hostname()
	if ip := net.ParseIP(h); h == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	return fmt.Errorf("bench: load target %s is not on loopback (127.0.0.0/8, ::1, localhost)", base)
}
