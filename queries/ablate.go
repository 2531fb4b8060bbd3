package queries

import "strings"

// AblateNoPK opens new databases without reports' PRIMARY KEY (scratch,
// BenchmarkStore's ablation only).
var AblateNoPK bool

func ablatedSchema() string {
	if !AblateNoPK {
		return schemaSQL
	}
	return strings.Replace(schemaSQL, "id              VARCHAR PRIMARY KEY,", "id              VARCHAR,", 1)
}
