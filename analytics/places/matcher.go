package places

import "unicode/utf8"

// matcher is an Aho–Corasick automaton over runes. Reports are millions of
// pages of Chinese text and the dictionary has ~80 000 names; one pass per
// text with a hash lookup per rune keeps that at tens of MB/s on one core,
// where a strings.Contains per name would not.
//
// Transitions live in one open-addressing hash table keyed by
// state<<21|rune (runes fit in 21 bits); the root, where a scan spends most
// of its time, has a dense table over the CJK block so the common case costs
// an array read.
type matcher struct {
	next   transitions
	states []state
	root   []int32 // dense root transitions for rootLo ≤ r < rootHi, 0 = none
	// deep marks the runes rootLo ≤ r < rootHi that some state other than
	// the root has a transition on. On any other rune every state falls
	// back to the root, so a scan steps there directly; about half of
	// running text are such runes, and each saved a look at the state and
	// often at the transition table.
	deep   []uint64
	patLen []int32 // pattern byte lengths
}

// state is one node of the automaton. Its fields live together because a
// scan reads them together, one state per character, from tables of some
// 100 000 states that do not stay in cache: one cache line per state rather
// than one per field and state.
type state struct {
	// mask has one bit per rune bucket that has a transition: most
	// characters of a text continue no name, and the mask rejects them
	// without touching the (much larger) transition table.
	mask    uint64
	fail    int32
	out     int32 // pattern ending exactly at this state, or -1
	outLink int32 // nearest state on the fail chain with out ≥ 0, or 0
}

const (
	rootLo = 0x3400
	rootHi = 0xA000
)

func key(state int32, r rune) uint64 { return uint64(state)<<21 | uint64(r) }

func runeBit(r rune) uint64 { return 1 << ((uint32(r) * 2654435761) >> 26) }

// newMatcher builds the automaton; pattern i is reported as i. The trie is
// built first and its states numbered breadth first, so that the shallow
// states, which a scan visits at nearly every character, lie together in
// memory rather than scattered among 100 000 others.
func newMatcher(patterns []string) *matcher {
	type node struct {
		r        rune
		out      int32
		children []int32
	}
	nodes := []node{{out: -1}}
	edges := map[uint64]int32{}
	m := &matcher{
		root: make([]int32, rootHi-rootLo),
		deep: make([]uint64, (rootHi-rootLo+63)/64),
	}
	for id, p := range patterns {
		s := int32(0)
		for _, r := range p {
			t, ok := edges[key(s, r)]
			if !ok {
				t = int32(len(nodes))
				nodes = append(nodes, node{r: r, out: -1})
				nodes[s].children = append(nodes[s].children, t)
				edges[key(s, r)] = t
			}
			s = t
		}
		nodes[s].out = int32(id)
		m.patLen = append(m.patLen, int32(len(p)))
	}

	// order[k] is the node numbered k; parents come before their children.
	order := []int32{0}
	for k := 0; k < len(order); k++ {
		order = append(order, nodes[order[k]].children...)
	}
	num := make([]int32, len(nodes))
	for k, n := range order {
		num[n] = int32(k)
	}
	m.states = make([]state, len(nodes))
	parent := make([]int32, len(nodes))
	for k, n := range order {
		m.states[k].out = nodes[n].out
		for _, c := range nodes[n].children {
			m.set(int32(k), nodes[c].r, num[c])
			parent[num[c]] = int32(k)
		}
	}

	// Fail links in numbering order, which is breadth first, so that every
	// fail target is finished before it is used.
	for t := int32(1); t < int32(len(order)); t++ {
		r := nodes[order[t]].r
		f := m.states[parent[t]].fail
		for {
			if u, ok := m.step(f, r); ok && u != t {
				m.states[t].fail = u
				break
			}
			if f == 0 {
				m.states[t].fail = 0
				break
			}
			f = m.states[f].fail
		}
		if fo := m.states[t].fail; m.states[fo].out >= 0 {
			m.states[t].outLink = fo
		} else {
			m.states[t].outLink = m.states[fo].outLink
		}
	}
	return m
}

func (m *matcher) set(s int32, r rune, t int32) {
	m.states[s].mask |= runeBit(r)
	if s == 0 && r >= rootLo && r < rootHi {
		m.root[r-rootLo] = t
		return
	}
	if s != 0 && r >= rootLo && r < rootHi {
		m.deep[(r-rootLo)/64] |= 1 << ((r - rootLo) % 64)
	}
	m.next.put(key(s, r), t)
}

// shallow reports whether r is in the dense range and no state but the root
// has a transition on it.
func (m *matcher) shallow(r rune) bool {
	return r >= rootLo && r < rootHi && m.deep[(r-rootLo)/64]&(1<<((r-rootLo)%64)) == 0
}

func (m *matcher) step(s int32, r rune) (int32, bool) {
	if s == 0 {
		if r >= rootLo && r < rootHi {
			t := m.root[r-rootLo]
			return t, t != 0
		}
	}
	if m.states[s].mask&runeBit(r) == 0 {
		return 0, false
	}
	return m.next.get(key(s, r))
}

// transitions is a linear-probing hash table from uint64 keys to states.
// It is several times faster than a Go map for this one lookup, which a
// scan performs for almost every character.
type transitions struct {
	slots []slot
	shift uint
	n     int
}

// slot keeps key and value together so a probe costs one cache miss.
type slot struct {
	key uint64 // 0 = empty; key() is never 0 (patterns contain no NUL)
	val int32
}

func (t *transitions) slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> t.shift }

func (t *transitions) get(k uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case k:
			return t.slots[i].val, true
		case 0:
			return 0, false
		}
	}
}

func (t *transitions) put(k uint64, v int32) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		if t.slots[i].key == 0 || t.slots[i].key == k {
			if t.slots[i].key == 0 {
				t.n++
			}
			t.slots[i] = slot{k, v}
			return
		}
	}
}

func (t *transitions) grow() {
	old := t.slots
	size := max(1024, 2*len(old))
	t.slots, t.n = make([]slot, size), 0
	t.shift = uint(64 - bitsLen(size))
	for _, s := range old {
		if s.key != 0 {
			t.put(s.key, s.val)
		}
	}
}

// bitsLen is log2 of a power of two.
func bitsLen(n int) int {
	b := 0
	for n > 1 {
		n >>= 1
		b++
	}
	return b
}

// decode3 decodes the three-byte character at text[i:], the encoding of
// nearly every character of a Chinese report, in few enough instructions
// to be inlined. ok is false for anything else, including lead bytes E0 and
// ED, which restrict their second byte: utf8.DecodeRuneInString reads those.
func decode3(text string, i int) (r rune, ok bool) {
	if i+2 >= len(text) {
		return 0, false
	}
	c, c1, c2 := text[i], text[i+1], text[i+2]
	if c < 0xE1 || c > 0xEF || c == 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), true
}

// scan calls emit(start, end, pattern) for every occurrence of every pattern
// in text, overlapping ones included, in order of end offset.
func (m *matcher) scan(text string, emit func(start, end int, pat int32)) {
	s := int32(0)
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			var ok bool
			if r, ok = decode3(text, i); ok {
				size = 3
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		i += size
		if s != 0 && m.shallow(r) {
			s = 0 // the fail chain would end at the root: go there at once
		}
		for {
			if s == 0 && r >= rootLo && r < rootHi {
				// the commonest step, taken here rather than in step: most
				// characters continue no name and fall back to the root
				s = m.root[r-rootLo]
				break
			}
			if t, ok := m.step(s, r); ok {
				s = t
				break
			}
			if s == 0 {
				break
			}
			s = m.states[s].fail
		}
		if s == 0 {
			continue
		}
		for o := s; o != 0; o = m.states[o].outLink {
			if p := m.states[o].out; p >= 0 {
				emit(i-int(m.patLen[p]), i, p)
			}
		}
	}
}
