package scoring

import (
	"strings"
	"sync"

	"drillbook/frameworks"
)

// frameworkMap is the one table of which framework clauses each criterion
// gives evidence for. A criterion is listed against a clause only when an
// assessor would accept it as evidence of that clause: escalation timers
// speak for RS.MA-04, not for recovery; a reporting obligation with a
// staffed owner and a deadline speaks for the notification articles, while
// whether its deadline is the regime's own is for the regime criteria.
// Refs are "framework:clause" with short names for the frameworks
// (frameworkAliases); "gdpr*" stands for the GDPR and the UK GDPR, which
// number the same articles. SP 800-61r3 is not listed: its clauses map onto
// CSF 2.0 subcategories in the catalogue and take their evidence from them.
var frameworkMap = map[string]string{
	"TYP-1.1": "csf:DE.AE-08 csf:RS.MA-03 iso:assess-decide dora:18(1) pci:12.10.1",
	"TYP-2.1": "csf:DE.AE-08 iso:assess-decide dora:17(3) dora:18(1)",
	"TYP-2.2": "csf:GV.RR-02 csf:RS.MA-01 iso:plan-prepare nis2:21(2)(b)",
	"TYP-2.3": "csf:RS.MA-03 iso:plan-prepare nis2:21(2)(b)",
	"TYP-3.1": "csf:GV.RR-02 dora:17(3) sec:106(c)",
	"TYP-3.2": "csf:DE.AE-08 iso:assess-decide",
	"TYP-4.1": "csf:ID.IM-02 dora:25(1) pci:12.10.2",

	"SEV-1.1": "csf:RS.MA-03 iso:assess-decide dora:18(1)",
	"SEV-2.1": "csf:RS.MA-03 csf:RS.MA-04",
	"SEV-2.2": "csf:RS.MA-03 csf:RS.AN-08 iso:assess-decide dora:18(1)",
	"SEV-2.3": "csf:RS.MA-03",
	"SEV-2.4": "csf:RS.MA-03 csf:RS.MA-04",
	"SEV-3.1": "csf:RS.MA-03 csf:RS.CO-03 csf:RC.CO-03",
	"SEV-3.2": "csf:RS.MA-03",
	"SEV-3.3": "csf:RS.MA-03 csf:RS.AN-08 dora:18(1)",
	"SEV-4.1": "csf:RS.MA-03 csf:ID.IM-02",

	"TRI-1.1": "csf:RS.MA-02 iso:detect-report dora:17(1) nis2:21(2)(b)",
	"TRI-2.1": "csf:RS.MA-02 csf:GV.RR-02 iso:assess-decide",
	"TRI-2.2": "csf:RS.MA-02 iso:detect-report",
	"TRI-2.3": "csf:RS.MA-02 iso:detect-report",
	"TRI-2.4": "csf:RS.MA-02 pci:12.10.3",
	"TRI-3.1": "csf:RS.MA-02 iso:assess-decide",
	"TRI-3.2": "csf:RS.MA-02 pci:12.10.3",
	"TRI-3.3": "csf:RS.MA-02 iso:detect-report pci:12.10.3",
	"TRI-4.1": "csf:RS.MA-02 csf:ID.IM-02",

	"TP-1.1": "csf:GV.SC-08 iso:plan-prepare nis2:21(2)(d)",
	"TP-2.1": "csf:GV.SC-08 csf:RS.MA-01 nis2:21(2)(d)",
	"TP-2.2": "csf:GV.SC-08 csf:RS.MA-01 nis2:21(2)(d)",
	"TP-2.3": "csf:GV.SC-08 nis2:21(2)(d)",
	"TP-3.1": "csf:GV.SC-08",
	"TP-3.2": "csf:GV.SC-08 csf:RS.MA-01",
	"TP-3.3": "csf:GV.SC-08 csf:RS.MA-01",
	"TP-3.4": "csf:GV.SC-08 csf:GV.RR-02 nis2:21(2)(d)",
	"TP-4.1": "csf:GV.SC-08 csf:ID.IM-02",

	"COV-1.1": "csf:GV.RR-03 iso:plan-prepare nis2:21(2)(b)",
	"COV-2.1": "csf:GV.RR-03 pci:12.10.3",
	"COV-2.2": "csf:GV.RR-03 pci:12.10.3",
	"COV-2.3": "csf:GV.RR-03 pci:12.10.3",
	"COV-2.4": "csf:GV.RR-03 pci:12.10.3",
	"COV-2.5": "csf:GV.RR-03 pci:12.10.3",
	"COV-3.1": "csf:GV.RR-03",
	"COV-3.2": "csf:GV.RR-02",
	"COV-3.3": "csf:GV.RR-03",
	"COV-3.4": "csf:GV.RR-02",
	"COV-3.5": "csf:GV.RR-02",
	"COV-4.1": "csf:GV.RR-03 csf:ID.IM-02",

	"COM-1.1": "csf:RS.CO-02 iso:respond",
	"COM-2.1": "csf:RS.CO-02 csf:RC.CO-03 nis2:23(1) dora:17(3) dora:19(3) gdpr*:34(1) hipaa:164.404",
	"COM-2.2": "csf:RS.CO-02 csf:GV.RR-02 dora:17(3)",
	"COM-2.3": "csf:RS.CO-02 csf:GV.RR-02",
	"COM-2.4": "csf:RS.CO-02 csf:RS.CO-03",
	"COM-3.1": "csf:RS.CO-03 csf:RC.CO-03",
	"COM-3.2": "csf:RS.CO-03 csf:RC.CO-04",
	"COM-3.3": "csf:RS.CO-02 dora:17(3) sec:1.05-instruction-1 sec:106(c)",
	"COM-4.1": "csf:RS.CO-02 csf:ID.IM-02",

	"ROL-1.1": "csf:GV.RR-02 csf:RS.MA-01 iso:plan-prepare dora:17(3) sec:106(c) pci:12.10.1",
	"ROL-2.1": "csf:GV.RR-03",
	"ROL-2.2": "csf:GV.RR-02 pci:12.10.1",
	"ROL-2.3": "csf:GV.RR-03",
	"ROL-3.1": "csf:GV.RR-03",
	"ROL-3.2": "csf:GV.RR-03",
	"ROL-3.3": "csf:GV.RR-02 dora:17(3) pci:12.10.1",
	"ROL-4.1": "csf:GV.RR-02 csf:ID.IM-02",

	"ESC-1.1": "csf:RS.MA-04 iso:respond",
	"ESC-2.1": "csf:RS.MA-04",
	"ESC-2.2": "csf:RS.MA-04",
	"ESC-2.3": "csf:RS.MA-04",
	"ESC-3.1": "csf:RS.MA-04",
	"ESC-3.2": "csf:RS.MA-04",
	"ESC-3.3": "csf:RS.MA-04 csf:GV.RR-02",
	"ESC-3.4": "csf:RS.MA-04 pci:12.10.3",
	"ESC-4.1": "csf:RS.MA-04 csf:ID.IM-02",

	"REG-1.1": "csf:RS.CO-02 iso:plan-prepare " + notifying,
	"REG-2.1": "csf:RS.CO-02 csf:GV.RR-02 " + notifying,
	"REG-2.2": "csf:RS.CO-02 csf:GV.RR-02 dora:17(3) sec:1.05-instruction-1 " + notifying,
	"REG-2.3": "csf:RS.CO-02 gdpr*:33(1) hipaa:164.408",
	"REG-2.4": "csf:RS.CO-02 hipaa:164.404 hipaa:164.408 hipaa:164.410",
	"REG-2.5": "csf:RS.CO-02 csf:GV.RR-02 " + notifying,
	"REG-2.6": "csf:RS.CO-02 " + notifying,
	"REG-3.1": "csf:RS.CO-03 " + notifying,
	"REG-3.2": "csf:GV.RR-03 " + notifying,
	"REG-3.3": "csf:ID.IM-04 dora:17(3) " + notifying,
	"REG-4.1": "csf:RS.CO-02 csf:ID.IM-02 dora:11(6) pci:12.10.2 " + notifying,

	"PBK-1.1": "csf:ID.IM-04 csf:RS.MA-01 iso:plan-prepare nis2:21(2)(b) dora:11(2) dora:17(1) pci:12.10.1",
	"PBK-2.1": "csf:ID.IM-04 csf:RS.MA-01 dora:17(3) pci:12.10.1",
	"PBK-2.2": "csf:RS.MA-01 csf:GV.RR-02 pci:12.10.1",
	"PBK-2.3": "csf:ID.IM-04",
	"PBK-2.4": "csf:ID.IM-04 csf:GV.RR-02",
	"PBK-2.5": "csf:RS.MA-01 csf:ID.IM-04",
	"PBK-2.6": "csf:RS.MA-01",
	"PBK-3.1": "csf:ID.IM-04 pci:12.10.2",
	"PBK-3.2": "csf:ID.IM-04 pci:12.10.2",
	"PBK-3.3": "csf:ID.IM-04 pci:12.10.6",
	"PBK-3.4": "csf:ID.IM-04",
	"PBK-3.5": "csf:RS.MA-01",
	"PBK-4.1": "csf:RS.MA-01 csf:ID.IM-02 dora:11(6) pci:12.10.2",

	"EXR-1.1": "csf:ID.IM-02 iso:learn dora:25(1) pci:12.10.4",
	"EXR-2.1": "csf:ID.IM-02 dora:11(6) dora:24(1) pci:12.10.2 pci:12.10.4",
	"EXR-2.2": "csf:ID.IM-02",
	"EXR-2.3": "csf:ID.IM-02 iso:learn",
	"EXR-3.1": "csf:ID.IM-02 csf:RS.MA-01",
	"EXR-3.2": "csf:ID.IM-02 iso:learn pci:12.10.6",
	"EXR-3.3": "csf:ID.IM-02 dora:24(1) pci:12.10.4",
	"EXR-4.1": "csf:ID.IM-02 csf:RS.MA-01",
	"EXR-4.2": "csf:ID.IM-02 csf:RS.MA-01",

	"IMP-1.1": "csf:ID.IM-04 iso:learn pci:12.10.6",
	"IMP-2.1": "csf:ID.IM-01 csf:ID.IM-02 iso:learn",
	"IMP-2.2": "csf:ID.IM-01 csf:ID.IM-04",
	"IMP-2.3": "csf:ID.IM-01 csf:ID.IM-02",
	"IMP-3.1": "csf:ID.IM-04",
	"IMP-3.2": "csf:ID.IM-01",
	"IMP-3.3": "csf:ID.IM-02 iso:learn pci:12.10.6",
	"IMP-4.1": "csf:ID.IM-04 pci:12.10.6",
	"IMP-4.2": "csf:ID.IM-01 csf:ID.IM-04",
}

// notifying are the clauses that require a report to an authority: a
// recorded, owned, deadlined reporting obligation is evidence for them.
const notifying = "nis2:23(1) nis2:23(4)(a) nis2:23(4)(b) nis2:23(4)(d) " +
	"dora:19(1) dora:19(4)(a) dora:19(4)(b) dora:19(4)(c) gdpr*:33(1) " +
	"hipaa:164.408 sec:1.05(a) pci:12.10.1"

var frameworkAliases = map[string][]string{
	"csf": {frameworks.NISTCSF}, "iso": {frameworks.ISO27035},
	"nis2": {frameworks.NIS2}, "dora": {frameworks.DORA},
	"gdpr*": {frameworks.GDPR, frameworks.UKGDPR}, "hipaa": {frameworks.HIPAA},
	"sec": {frameworks.SEC8K}, "pci": {frameworks.PCIDSS},
}

// ClauseRefs returns the clauses a criterion gives evidence for, as
// catalogue refs ("nist-csf-2.0:RS.MA-04"), in the table's order.
func ClauseRefs(criterion string) []string {
	var out []string
	for _, short := range strings.Fields(frameworkMap[criterion]) {
		alias, clause, _ := strings.Cut(short, ":")
		for _, f := range frameworkAliases[alias] {
			out = append(out, frameworks.Ref(f, clause))
		}
	}
	return out
}

// clauseCriteria is the table read the other way: clause ref → the
// criteria that give evidence for it, in catalogue order. An SP 800-61r3
// clause takes the criteria of the CSF subcategories it maps onto.
var clauseCriteria = sync.OnceValue(func() map[string][]string {
	onto := map[string][]string{} // CSF ref → the clauses organised on it
	for _, f := range frameworks.All() {
		for _, cl := range f.Clauses {
			for _, m := range cl.MapsTo {
				onto[m] = append(onto[m], frameworks.Ref(f.ID, cl.ID))
			}
		}
	}
	m := map[string][]string{}
	add := func(ref, id string) {
		if l := m[ref]; len(l) == 0 || l[len(l)-1] != id {
			m[ref] = append(l, id)
		}
	}
	for _, c := range catalogue() {
		for _, ref := range ClauseRefs(c.ID) {
			add(ref, c.ID)
			for _, o := range onto[ref] {
				add(o, c.ID)
			}
		}
	}
	return m
})
