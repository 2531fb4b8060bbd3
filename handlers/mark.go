package handlers

import (
	"html"
	"html/template"
	"sort"
	"strings"

	"agendascope/analytics/topics"
	"agendascope/views"
)

// markClasses is how many marker colours app.css defines (mark.t0 …).
const markClasses = 6

// marker wraps topic keywords in <mark>. It escapes the text first and then
// replaces escaped keywords with escaped keywords inside <mark>, so nothing
// in the text can become markup. Like the tagger, a longer word wins over a
// keyword inside it: exclude words (食品安全 for work safety) and HTML
// entities are matched too but left as they are.
type marker struct {
	replacer *strings.Replacer
}

func newMarker(tax *topics.Taxonomy, lang views.Lang) *marker {
	type target struct{ to string }
	words := map[string]target{}
	for i, t := range tax.Topics {
		open := `<mark class="t` + itoa(int64(i%markClasses)) + `" title="` + html.EscapeString(label(lang, t)) + `">`
		for _, k := range t.Keywords {
			ek := html.EscapeString(k)
			if _, taken := words[ek]; !taken {
				words[ek] = target{open + ek + "</mark>"}
			}
		}
	}
	for _, t := range tax.Topics {
		for _, x := range t.Exclude {
			ex := html.EscapeString(x)
			if _, taken := words[ex]; !taken {
				words[ex] = target{ex}
			}
		}
	}
	for _, ent := range []string{"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"} {
		words[ent] = target{ent}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	// strings.Replacer prefers the earlier pair at the same position, so the
	// longest word goes first.
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	pairs := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		pairs = append(pairs, k, words[k].to)
	}
	return &marker{replacer: strings.NewReplacer(pairs...)}
}

// Mark returns text escaped, with keywords marked.
func (m *marker) Mark(text string) template.HTML {
	return template.HTML(m.replacer.Replace(html.EscapeString(text)))
}
