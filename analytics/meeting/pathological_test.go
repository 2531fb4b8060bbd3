package meeting

import (
	"strings"
	"testing"
	"time"
)

// Junk pages must not stall a batch: every extractor has to stay close to
// linear on long inputs made of one pattern repeated, the shapes that make
// naive back-scans quadratic. The bound is loose enough for a loaded
// machine and far below what quadratic behaviour costs at this size.
func TestPathologicalInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	patterns := []string{
		"1日", "区长张三主持", "会议审议了《A》x", "《A》", "常委会", "会议强调要。",
		"会议听取汇报", "第1次", "“12·16”", "《", "》", "昨天(24日)", "、", "\n",
		"区委书记", "主持:", "会议由", "2022年4月14日", wide("会议审议了《A》,"),
	}
	const size = 300_000
	for _, p := range patterns {
		body := strings.Repeat(p, size/len(p))
		start := time.Now()
		r := Extract(Input{Body: body, Title: clip(body, 200), Published: "2022-04-22"})
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("pattern %q: %v for %d bytes", p, d, len(body))
		}
		if err := checkItems(body, r.Items); err != nil {
			t.Errorf("pattern %q: %v", p, err)
		}
	}
}
