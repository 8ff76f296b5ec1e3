package export

import "strings"

// sheetFrameworks is the sheet of framework coverage.
const sheetFrameworks = "Frameworks"

// frameworksSheet has one row per clause of each chosen framework: what
// it asks, its status and the evidence, with the clause's citation and
// the criteria and findings behind it kept for traceability.
func (x *xlsxDoc) frameworksSheet() error {
	s, err := x.streamSheet(sheetFrameworks,
		xcol{"Framework", 18}, xcol{"Clause", 14}, xcol{"What it asks", 40}, xcol{"Status", 11},
		xcol{"Evidence", 44}, xcol{"Citation", 30}, refCol)
	if err != nil {
		return err
	}
	for _, fc := range x.r.a.Frameworks {
		for _, l := range x.r.clauseLines(fc) {
			ref := reference("Framework", fc.Framework.ID, "Criteria", strings.Join(l.criteria, ", "), "Findings", strings.Join(l.findings, ", "))
			if err := s.add(fc.Framework.Short, xbold(l.ref), l.asks, words(l.status), l.evidence, l.citation, ref); err != nil {
				return err
			}
		}
	}
	return s.finish("Frameworks")
}
