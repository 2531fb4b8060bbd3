package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiTopic is a topic as /api/topics lists it.
type apiTopic struct {
	ID         string   `json:"id"`
	ZH         string   `json:"zh"`
	EN         string   `json:"en"`
	Definition string   `json:"definition"`
	CAP        int      `json:"cap"`
	CAPLabel   string   `json:"cap_label"`
	Keywords   []string `json:"keywords"`
	Exclude    []string `json:"exclude,omitempty"`
}

func (s *server) apiTopics(c echo.Context) error {
	out := make([]apiTopic, 0, len(s.Taxonomy.Topics))
	for _, t := range s.Taxonomy.Topics {
		out = append(out, apiTopic{ID: t.ID, ZH: t.ZH, EN: t.EN, Definition: t.Definition, CAP: t.CAP,
			CAPLabel: t.CAPLabel, Keywords: t.Keywords, Exclude: t.Exclude})
	}
	return c.JSON(http.StatusOK, map[string]any{"digest": s.Taxonomy.Digest, "topics": out})
}
