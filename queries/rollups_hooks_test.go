package queries

// SetCompactShare sets how much the rollups may grow by appends before they
// are compacted (see compactShare; 0 never) and returns a function that
// restores it, so that tests can read rollups whose cells are held in
// several rows.
func SetCompactShare(n int64) (restore func()) {
	old := compactShare
	compactShare = n
	return func() { compactShare = old }
}
