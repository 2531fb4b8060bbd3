// Package topics holds the topic taxonomy (which words mark which policy
// topic) and the tagger that counts them in report text with gse.
package topics

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"

	"github.com/goccy/go-yaml"

	"agendascope/data"
)

// Topic is one policy topic: the words that mark it and what it means.
type Topic struct {
	ID         string   `yaml:"id" json:"id"`
	ZH         string   `yaml:"zh" json:"zh"`
	EN         string   `yaml:"en" json:"en"`
	Definition string   `yaml:"definition" json:"definition"`
	CAP        int      `yaml:"cap" json:"cap"` // Comparative Agendas Project major topic code
	CAPLabel   string   `yaml:"cap_label" json:"cap_label"`
	Keywords   []string `yaml:"keywords" json:"keywords"`
	// Exclude lists longer words that contain a keyword but belong elsewhere
	// (食品安全 is not work safety). They enter the dictionary too, so the
	// segmenter keeps them whole and the keyword inside never matches.
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
}

// Taxonomy is the ordered list of topics plus a digest of its source, so a
// database can tell whether it was tagged with the same taxonomy.
type Taxonomy struct {
	Topics []Topic `yaml:"topics" json:"topics"`
	Digest string  `yaml:"-" json:"digest"`
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Parse reads and validates a taxonomy in YAML.
func Parse(r io.Reader) (*Taxonomy, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read taxonomy: %w", err)
	}
	var t Taxonomy
	if err := yaml.UnmarshalWithOptions(src, &t, yaml.DisallowUnknownField()); err != nil {
		return nil, fmt.Errorf("parse taxonomy: %w", err)
	}
	if len(t.Topics) == 0 {
		return nil, fmt.Errorf("parse taxonomy: no topics")
	}
	seen := map[string]bool{}
	for i, tp := range t.Topics {
		switch {
		case !idPattern.MatchString(tp.ID):
			return nil, fmt.Errorf("parse taxonomy: topic %d: id %q must be lower-case letters, digits and _", i+1, tp.ID)
		case seen[tp.ID]:
			return nil, fmt.Errorf("parse taxonomy: topic id %q appears twice", tp.ID)
		case tp.ZH == "" || tp.EN == "":
			return nil, fmt.Errorf("parse taxonomy: topic %q needs zh and en labels", tp.ID)
		case len(tp.Keywords) == 0:
			return nil, fmt.Errorf("parse taxonomy: topic %q has no keywords", tp.ID)
		}
		seen[tp.ID] = true
		for _, k := range slices.Concat(tp.Keywords, tp.Exclude) {
			if k == "" {
				return nil, fmt.Errorf("parse taxonomy: topic %q has an empty keyword", tp.ID)
			}
		}
	}
	sum := sha256.Sum256(src)
	t.Digest = hex.EncodeToString(sum[:8])
	return &t, nil
}

// Default is the taxonomy bundled with the binary (data/topics.yaml).
func Default() (*Taxonomy, error) {
	return Parse(bytes.NewReader(data.TopicsYAML))
}

// LoadFile reads a taxonomy from a file; "" means the bundled one.
func LoadFile(path string) (*Taxonomy, error) {
	if path == "" {
		return Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open taxonomy %s: %w", path, err)
	}
	defer f.Close()
	t, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// Get returns the topic with id.
func (t *Taxonomy) Get(id string) (Topic, bool) {
	for _, tp := range t.Topics {
		if tp.ID == id {
			return tp, true
		}
	}
	return Topic{}, false
}

// IDs lists topic ids in taxonomy order.
func (t *Taxonomy) IDs() []string {
	ids := make([]string, len(t.Topics))
	for i, tp := range t.Topics {
		ids[i] = tp.ID
	}
	return ids
}
