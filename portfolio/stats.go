package portfolio

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Stats are the quartiles of a sample. They are computed by linear
// interpolation between the closest ranks (Hyndman and Fan's type 7, the
// method of R's default quantile, numpy's default percentile and Excel's
// QUARTILE.INC): for the sorted sample x[0..n-1], the p-quantile is at
// rank h = (n-1)·p, x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). So a sector's
// figures equal QUARTILE.INC over the same cells in a spreadsheet.
type Stats struct {
	Q1, Median, Q3 float64
}

// Quartiles returns the Stats of values (not modified); zero for none.
func Quartiles(values []float64) Stats {
	if len(values) == 0 {
		return Stats{}
	}
	x := slices.Clone(values)
	slices.Sort(x)
	return Stats{Q1: quantile(x, 0.25), Median: quantile(x, 0.5), Q3: quantile(x, 0.75)}
}

// quantile is the type-7 p-quantile of the sorted sample x.
func quantile(x []float64, p float64) float64 {
	h := float64(len(x)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(x) {
		return x[i]
	}
	return x[i] + (h-lo)*(x[i+1]-x[i])
}

// Position is where v stands in the sample: 0 at the median; below it,
// 1 at or below Q1 (the bottom quarter) and 2 above Q1; above it, 4 at or
// above Q3 (the top quarter) and 3 below Q3. Equal values count towards
// the median, so a sector of one client puts it at its own median, not in
// a quarter.
func (s Stats) Position(v float64) int {
	switch {
	case v == s.Median:
		return 0
	case v < s.Median && v <= s.Q1:
		return 1
	case v < s.Median:
		return 2
	case v >= s.Q3:
		return 4
	}
	return 3
}

// QuartileName names a Position for readers: "at the median", "bottom
// quarter" … "top quarter".
func QuartileName(q int) string {
	switch q {
	case 0:
		return "at the median"
	case 1:
		return "bottom quarter"
	case 2:
		return "second quarter"
	case 3:
		return "third quarter"
	case 4:
		return "top quarter"
	}
	return ""
}

// Sector is the statistics of the clients that name the same sector.
type Sector struct {
	Name    string
	Clients int
	// Levels are the dimensions' level statistics, in Portfolio.Dimensions order.
	Levels []Stats
	Index  Stats
}

// Peer is a client's value against its sector: the difference from the
// sector median (positive is ahead) and its Position.
type Peer struct {
	Delta    float64
	Quartile int
}

// UnspecifiedSector groups the clients whose workspace names no sector.
const UnspecifiedSector = "Sector not given"

// sectorKey groups sector names that differ only in case and spacing.
func sectorKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// compare groups the clients by sector, computes each sector's Stats and
// places every client against its peers.
func (p *Portfolio) compare() {
	groups := map[string][]int{}
	var keys []string
	for i := range p.Clients {
		c := &p.Clients[i]
		if c.Sector == "" {
			c.Sector = UnspecifiedSector
		}
		k := sectorKey(c.Sector)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	p.Sectors = p.Sectors[:0]
	for _, k := range keys {
		members := groups[k]
		s := Sector{Name: p.Clients[members[0]].Sector, Clients: len(members)}
		sample := make([]float64, len(members))
		for d := range p.Dimensions {
			for j, i := range members {
				sample[j] = float64(level(p.Clients[i].Levels, d))
			}
			s.Levels = append(s.Levels, Quartiles(sample))
		}
		for j, i := range members {
			sample[j] = p.Clients[i].Index
		}
		s.Index = Quartiles(sample)
		for _, i := range members {
			c := &p.Clients[i]
			c.Sector = s.Name // one spelling per sector
			c.Peers = make([]Peer, len(p.Dimensions))
			for d, st := range s.Levels {
				v := float64(level(c.Levels, d))
				c.Peers[d] = Peer{Delta: v - st.Median, Quartile: st.Position(v)}
			}
			c.IndexPeers = Peer{Delta: math.Round((c.Index-s.Index.Median)*10) / 10, Quartile: s.Index.Position(c.Index)}
		}
		p.Sectors = append(p.Sectors, s)
	}
	slices.SortFunc(p.Sectors, func(a, b Sector) int { return cmp.Compare(sectorKey(a.Name), sectorKey(b.Name)) })
}

// level is levels[d], or 0 for a dimension the client's assessment lacks.
func level(levels []int, d int) int {
	if d < len(levels) {
		return levels[d]
	}
	return 0
}

// Sector returns the named sector's statistics, or nil.
func (p *Portfolio) Sector(name string) *Sector {
	i := slices.IndexFunc(p.Sectors, func(s Sector) bool { return sectorKey(s.Name) == sectorKey(name) })
	if i < 0 {
		return nil
	}
	return &p.Sectors[i]
}
