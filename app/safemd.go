package app

import "regexp"

// remoteImage matches Markdown images with a remote source.
var remoteImage = regexp.MustCompile(`!\[([^\]]*)\]\(\s*(?:https?:)?//[^)]*\)`)

// safeMarkdown removes remote images from user Markdown before rendering,
// so showing a scenario or playbook never makes a network request.
// TEMPORARY: replaced by plan.StripRemoteImages once it lands.
func safeMarkdown(s string) string { return remoteImage.ReplaceAllString(s, "[image: $1]") }
