// Package data holds agendascope's bundled data: the topic taxonomy, the
// gazetteer of county-level units and the sample corpus the dashboard shows
// on first start.
package data

import (
	"embed"
	_ "embed"
)

// TopicsYAML is the bundled topic taxonomy.
//
//go:embed topics.yaml
var TopicsYAML []byte

// Sample holds the bundled sample reports under sample/.
//
//go:embed sample
var Sample embed.FS
