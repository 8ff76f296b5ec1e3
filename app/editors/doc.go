// Package editors holds the plan editors: the Procedure, Roles &
// escalation and Playbooks screens and the parts they are made of (the
// list editors of each part of the plan, the reporting and cover forms,
// the responsibility matrix, the escalation path preview, playbook steps,
// revisions and Markdown import/export). The guide places the same parts
// on its pages (NewPart).
package editors
