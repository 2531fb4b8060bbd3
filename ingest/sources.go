// Package ingest reads report files and JSONL corpora, extracts a record from
// each and writes them to the database in atomic batches.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"agendascope/analytics"
)

// ErrTooLarge marks an input over the size cap.
var ErrTooLarge = errors.New("larger than the size cap")

// ErrUnsupported marks a file whose type ingest does not read.
var ErrUnsupported = errors.New("unsupported file type (want .txt, .html, .htm or .jsonl)")

// file is one input file found by the walk.
type file struct {
	path string
	size int64
	fsys fs.FS // nil: the OS file system
}

func (f file) open() (io.ReadCloser, error) {
	if f.fsys != nil {
		return f.fsys.Open(f.path)
	}
	return os.Open(f.path)
}

func (f file) readAll() ([]byte, error) {
	if f.fsys != nil {
		return fs.ReadFile(f.fsys, f.path)
	}
	return os.ReadFile(f.path)
}

// walkFS lists the input files of a file system, such as the embedded sample.
func walkFS(fsys fs.FS) ([]file, error) {
	var out []file
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || kindOf(path) == "" {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, file{path: path, size: fi.Size(), fsys: fsys})
		return nil
	})
	return out, err
}

func kindOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "text"
	case ".html", ".htm", ".shtml":
		return "html"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// walk lists the input files under paths in a stable order. Files named
// directly are returned whatever their type (they fail later with a clear
// reason); inside folders only known types are taken.
func walk(paths []string) ([]file, error) {
	var out []file
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		if !info.IsDir() {
			out = append(out, file{path: p, size: info.Size()})
			continue
		}
		var found []file
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if kindOf(path) == "" || !d.Type().IsRegular() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return err
			}
			found = append(found, file{path: path, size: fi.Size()})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ingest: walk %s: %w", p, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	return out, nil
}

// job is one report to extract, or a failure found while reading it.
type job struct {
	in   analytics.Input
	line int // JSONL line, 0 for whole files
	size int64
	err  error
}

// jsonlRecord is one line of a JSONL corpus.
type jsonlRecord struct {
	ID           string      `json:"id"`
	URL          string      `json:"url"`
	Title        string      `json:"title"`
	Text         string      `json:"text"`
	Content      string      `json:"content"` // text under the name many scrapers use
	HTML         string      `json:"html"`
	Date         string      `json:"date"`
	Year         json.Number `json:"year"` // the date when only the year is given: 2021 or "2021"
	Published    string      `json:"published"`
	DistrictCode string      `json:"district_code"`
	District     string      `json:"district"`
}

// read sends the jobs of one file to emit; it returns false when emit asks
// to stop.
func read(f file, maxBytes int64, emit func(job) bool) bool {
	switch kindOf(f.path) {
	case "jsonl":
		return readJSONL(f, maxBytes, emit)
	case "":
		return emit(job{in: analytics.Input{Source: f.path}, size: f.size, err: fmt.Errorf("%s: %w", f.path, ErrUnsupported)})
	}
	if f.size > maxBytes {
		return emit(job{in: analytics.Input{Source: f.path}, size: f.size, err: fmt.Errorf("%s: %d bytes: %w of %d bytes", f.path, f.size, ErrTooLarge, maxBytes)})
	}
	raw, err := f.readAll()
	if err != nil {
		return emit(job{in: analytics.Input{Source: f.path}, size: f.size, err: fmt.Errorf("read report %s: %w", f.path, err)})
	}
	return emit(job{in: analytics.Input{Source: f.path, Raw: raw, HTML: kindOf(f.path) == "html"}, size: int64(len(raw))})
}

func readJSONL(f file, maxBytes int64, emit func(job) bool) bool {
	fh, err := f.open()
	if err != nil {
		return emit(job{in: analytics.Input{Source: f.path}, size: f.size, err: fmt.Errorf("read corpus %s: %w", f.path, err)})
	}
	defer fh.Close()
	br := bufio.NewReaderSize(fh, 1<<20)
	for line := 1; ; line++ {
		raw, err := readLine(br, maxBytes)
		if err == io.EOF && len(raw) == 0 {
			return true
		}
		src := fmt.Sprintf("%s:%d", f.path, line)
		size := int64(len(raw)) + 1
		switch {
		case errors.Is(err, ErrTooLarge):
			if !emit(job{in: analytics.Input{Source: src}, line: line, size: size, err: fmt.Errorf("%s: line %w of %d bytes", src, ErrTooLarge, maxBytes)}) {
				return false
			}
			continue
		case err != nil && err != io.EOF:
			return emit(job{in: analytics.Input{Source: src}, line: line, size: size, err: fmt.Errorf("read corpus %s: %w", src, err)})
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			if err == io.EOF {
				return true
			}
			continue
		}
		j := jsonlJob(src, line, raw)
		j.size = size
		if !emit(j) {
			return false
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line; a line over max is consumed and reported as
// ErrTooLarge so the lines after it still go in.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(buf)+len(chunk)) > max {
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, ErrTooLarge
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

func jsonlJob(src string, line int, raw []byte) job {
	var rec jsonlRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		return job{in: analytics.Input{Source: src}, line: line, err: fmt.Errorf("%s: malformed JSON: %w", src, err)}
	}
	if rec.ID != "" {
		src += "#" + rec.ID
	}
	if y, err := rec.Year.Int64(); rec.Date == "" && err == nil && y >= 1000 && y <= 9999 {
		rec.Date = strconv.FormatInt(y, 10)
	}
	in := analytics.Input{Source: src, URL: rec.URL, Title: rec.Title, Date: rec.Date, Published: rec.Published,
		District: rec.District, DistrictCode: rec.DistrictCode}
	switch {
	case rec.Text != "":
		in.Raw = []byte(rec.Text)
	case rec.Content != "":
		in.Raw = []byte(rec.Content)
	case rec.HTML != "":
		in.Raw, in.HTML = []byte(rec.HTML), true
	default:
		return job{in: in, line: line, err: fmt.Errorf("%s: none of \"text\", \"content\" or \"html\" is given", src)}
	}
	return job{in: in, line: line}
}
