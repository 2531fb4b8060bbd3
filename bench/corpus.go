package bench

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"agendascope/analytics/places"
	"agendascope/analytics/textnorm"
	"agendascope/analytics/topics"
	"agendascope/data"
)

// SyntheticMark is written into every generated JSONL line and the corpus
// notice, so a synthetic report can never be mistaken for a real one.
const SyntheticMark = "agendascope bench: synthetic text recombined from the bundled sample, for timing only; not a real report"

// DefaultPerFile is how many reports one JSONL file holds: a million
// reports make a hundred files, not a million.
const DefaultPerFile = 10_000

// Spec says which synthetic reports to write. Report i (First <= i <
// First+Reports) depends only on Seed and i, so a corpus can be extended
// (the incremental-ingest step) without changing what is already there.
type Spec struct {
	Reports int
	First   int
	Seed    uint64
	PerFile int // 0 means DefaultPerFile
}

// Corpus is a generated corpus on disk.
type Corpus struct {
	Dir     string   // the synthetic-… folder
	Files   []string // JSONL files, in order
	Reports int
	Bytes   int64 // size of the files: the denominator of every MB/s
	Elapsed time.Duration
}

// line is one JSONL record in the format ingest reads, plus the marker.
type line struct {
	ID        string `json:"id"`
	Synthetic string `json:"synthetic"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// Generator recombines the sentences of the bundled sample reports with
// random districts, dates and topic keywords.
type Generator struct {
	sentences []string
	keywords  []string
	districts []places.Place
}

var (
	genOnce sync.Once
	gen     *Generator
	genErr  error
)

// NewGenerator builds the generator from the bundled sample, the gazetteer
// and the bundled taxonomy. It is built once per process.
func NewGenerator() (*Generator, error) {
	genOnce.Do(func() { gen, genErr = newGenerator() })
	return gen, genErr
}

func newGenerator() (*Generator, error) {
	g := &Generator{districts: places.Districts()}
	if len(g.districts) == 0 {
		return nil, fmt.Errorf("bench: gazetteer has no districts: %v", places.LoadError())
	}
	err := fs.WalkDir(data.Sample, "sample", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(data.Sample, path)
		if err != nil {
			return err
		}
		// The normalized body has no site furniture and is Simplified, as
		// the bulk of a national corpus is.
		doc, err := textnorm.Normalize(raw, textnorm.Options{Name: path})
		if err != nil {
			return nil
		}
		g.sentences = append(g.sentences, splitSentences(doc.Body)...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bench: read bundled sample: %w", err)
	}
	if len(g.sentences) < 20 {
		return nil, fmt.Errorf("bench: bundled sample gave only %d sentences", len(g.sentences))
	}
	tax, err := topics.LoadFile("")
	if err != nil {
		return nil, err
	}
	for _, tp := range tax.Topics {
		g.keywords = append(g.keywords, tp.Keywords...)
	}
	return g, nil
}

// splitSentences cuts a body into sentences ending in 。！？；, dropping
// fragments too short to read as a sentence.
func splitSentences(body string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		s := strings.TrimSpace(b.String())
		b.Reset()
		if len([]rune(s)) >= 12 {
			out = append(out, s)
		}
	}
	for _, r := range body {
		if r == '\n' {
			flush()
			continue
		}
		b.WriteRune(r)
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			flush()
		}
	}
	flush()
	return out
}

var (
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘")
	givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宁波辉")
	openers    = []string{"研究部署近期重点工作", "传达学习上级会议精神", "研究经济运行和安全生产工作", "审议有关文件"}
)

// Report returns synthetic report i: 2–4 KB of UTF-8 Chinese that opens
// like a real report (date, chair, meeting) and continues with sentences
// of the sample and topic keywords.
func (g *Generator) Report(seed uint64, i int) (title, published, text string) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	p := g.districts[rng.IntN(len(g.districts))]
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	day := start.AddDate(0, 0, rng.IntN(11*365))
	head, office := chairTitle(p.Name)
	chair := string(surnames[rng.IntN(len(surnames))]) + string(givenChars[rng.IntN(len(givenChars))])
	if rng.IntN(2) == 0 {
		chair += string(givenChars[rng.IntN(len(givenChars))])
	}
	n := 1 + rng.IntN(40)
	title = fmt.Sprintf("%s%s召开%d年第%d次常务会议", p.Name, office, day.Year(), n)
	published = day.AddDate(0, 0, rng.IntN(3)).Format("2006-01-02")

	var b strings.Builder
	target := 2048 + rng.IntN(2049)
	fmt.Fprintf(&b, "%d年%d月%d日，%s%s%s主持召开%s%s%d年第%d次常务会议，%s。\n",
		day.Year(), int(day.Month()), day.Day(), p.Name, head, chair, p.Name, office, day.Year(), n,
		openers[rng.IntN(len(openers))])
	for b.Len() < target {
		if rng.IntN(4) == 0 {
			kw := g.keywords[rng.IntN(len(g.keywords))]
			if rng.IntN(3) == 0 {
				fmt.Fprintf(&b, "会议审议并原则通过了《%s关于进一步加强%s工作的实施方案》。\n", p.Name, kw)
			} else {
				fmt.Fprintf(&b, "会议要求，要扎实做好%s工作，确保各项任务落到实处。\n", kw)
			}
			continue
		}
		b.WriteString(g.sentences[rng.IntN(len(g.sentences))])
		if rng.IntN(3) == 0 {
			b.WriteByte('\n')
		}
	}
	return title, published, b.String()
}

func chairTitle(name string) (head, office string) {
	switch {
	case strings.HasSuffix(name, "县"):
		return "县长", "县政府"
	case strings.HasSuffix(name, "旗"):
		return "旗长", "旗政府"
	case strings.HasSuffix(name, "市"):
		return "市长", "市政府"
	}
	return "区长", "区政府"
}

// Generate writes spec's reports as JSONL files into a new folder
// dir/synthetic-seed<S>-from<F>-n<N>-per<P>, on every core. An existing
// folder of that name is reused when it has its notice, which is written
// last, so an interrupted run never leaves a half corpus that looks whole.
func Generate(dir string, spec Spec) (Corpus, error) {
	start := time.Now()
	if spec.PerFile <= 0 {
		spec.PerFile = DefaultPerFile
	}
	if spec.Reports <= 0 {
		return Corpus{}, fmt.Errorf("bench: generate: %d reports", spec.Reports)
	}
	g, err := NewGenerator()
	if err != nil {
		return Corpus{}, err
	}
	name := fmt.Sprintf("synthetic-seed%d-from%d-n%d-per%d", spec.Seed, spec.First, spec.Reports, spec.PerFile)
	c := Corpus{Dir: filepath.Join(dir, name), Reports: spec.Reports}
	nfiles := (spec.Reports + spec.PerFile - 1) / spec.PerFile
	for f := range nfiles {
		c.Files = append(c.Files, filepath.Join(c.Dir, fmt.Sprintf("part-%05d.jsonl", f)))
	}
	done := filepath.Join(c.Dir, "SYNTHETIC.md")
	if _, err := os.Stat(done); err == nil {
		c.Bytes, err = totalSize(c.Files)
		if err == nil {
			c.Elapsed = time.Since(start)
			return c, nil
		}
	}
	if err := os.RemoveAll(c.Dir); err != nil {
		return Corpus{}, fmt.Errorf("bench: clear %s: %w", c.Dir, err)
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return Corpus{}, fmt.Errorf("bench: make corpus folder: %w", err)
	}
	work := make(chan int)
	errs := make(chan error, nfiles)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				first := spec.First + f*spec.PerFile
				n := min(spec.PerFile, spec.First+spec.Reports-first)
				errs <- g.writeFile(c.Files[f], spec.Seed, first, n)
			}
		}()
	}
	for f := range nfiles {
		work <- f
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return Corpus{}, err
		}
	}
	if c.Bytes, err = totalSize(c.Files); err != nil {
		return Corpus{}, err
	}
	notice := fmt.Sprintf("# Synthetic corpus\n\n%s.\n\n%d reports, seed %d, reports %d to %d, written by `agendascope bench`.\n",
		SyntheticMark, spec.Reports, spec.Seed, spec.First, spec.First+spec.Reports-1)
	if err := os.WriteFile(done, []byte(notice), 0o644); err != nil {
		return Corpus{}, fmt.Errorf("bench: write corpus notice: %w", err)
	}
	c.Elapsed = time.Since(start)
	return c, nil
}

func (g *Generator) writeFile(path string, seed uint64, first, n int) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("bench: create %s: %w", path, err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("bench: close %s: %w", path, cerr)
		}
	}()
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := first; i < first+n; i++ {
		title, published, text := g.Report(seed, i)
		if err := enc.Encode(line{ID: fmt.Sprintf("syn%09d", i), Synthetic: SyntheticMark, Title: title, Published: published, Text: text}); err != nil {
			return fmt.Errorf("bench: write %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("bench: write %s: %w", path, err)
	}
	return nil
}

func totalSize(files []string) (int64, error) {
	var total int64
	for _, p := range files {
		fi, err := os.Stat(p)
		if err != nil {
			return 0, fmt.Errorf("bench: corpus file: %w", err)
		}
		total += fi.Size()
	}
	if total == 0 {
		return 0, errors.New("bench: corpus is empty")
	}
	return total, nil
}
