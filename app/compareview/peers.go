package compareview

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"drillbook/internal/prose"
	"drillbook/internal/textclean"
	"drillbook/portfolio"
)

// peerHeaders are the columns of the selected client's table against its
// sector.
var peerHeaders = []string{"Dimension", "Level", "Median (Q1–Q3)", "Against peers"}

// selectClient shows client i (-1: none) on the radar, over its sector's
// median, and in the peers table.
func (v *view) selectClient(i int) {
	v.sel = i
	if i < 0 || v.p == nil {
		v.title.SetText("")
		v.about.SetText("")
		v.radar.Set(nil, nil, nil)
		v.peers.Refresh()
		return
	}
	c := &v.p.Clients[i]
	sec := v.p.Sector(c.Sector)
	// User text: bidi overrides and control characters dropped, as the
	// exports do, so a name cannot reverse or break the line.
	v.title.SetText(textclean.Clean(c.Name))
	about := c.Sector
	if sec != nil {
		about += " · " + prose.Count(sec.Clients, "client", "clients") + " in the sector · orange: its median"
	}
	v.about.SetText(textclean.Clean(about))
	labels := make([]string, len(v.p.Dimensions))
	levels := make([]float64, len(v.p.Dimensions))
	var median []float64
	for d, dim := range v.p.Dimensions {
		labels[d], levels[d] = dim.Name, float64(c.Levels[d])
		if sec != nil {
			median = append(median, sec.Levels[d].Median)
		}
	}
	v.radar.Set(labels, levels, median)
	v.peers.Refresh()
}

// peerRows is the dimensions and the index, when a client is selected.
func (v *view) peerRows() int {
	if v.sel < 0 || v.p == nil {
		return 0
	}
	return len(v.p.Dimensions) + 1
}

// peerCell is the selected client's level, its sector's median, the
// difference and the interquartile range, for a dimension or the index.
func (v *view) peerCell(id widget.TableCellID) string {
	if v.sel < 0 || v.p == nil || id.Row >= v.peerRows() {
		return ""
	}
	c := &v.p.Clients[v.sel]
	sec := v.p.Sector(c.Sector)
	if sec == nil {
		return ""
	}
	name, value, st, peer := "Index", strconv.FormatFloat(c.Index, 'f', 1, 64), sec.Index, c.IndexPeers
	if id.Row < len(v.p.Dimensions) {
		name, value, st, peer = v.p.Dimensions[id.Row].Name, strconv.Itoa(c.Levels[id.Row]), sec.Levels[id.Row], c.Peers[id.Row]
	}
	return [...]string{name, value, num(st.Median) + " (" + num(st.Q1) + "–" + num(st.Q3) + ")", signed(peer.Delta) + ", " + portfolio.QuartileName(peer.Quartile)}[id.Col]
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
