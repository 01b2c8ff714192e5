package loader

import (
	"regexp"
	"strings"

	"github.com/amicus-graph/amicus/extract"
)

// Markdown syntax removed to leave the text a reader sees.
var (
	mdImage      = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink       = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdRefLink    = regexp.MustCompile(`\[([^\]]*)\]\[[^\]]*\]`)
	mdLinkDef    = regexp.MustCompile(`^\s*\[[^\]]+\]:\s+\S+.*$`)
	mdHeading    = regexp.MustCompile(`^#{1,6}\s+`)
	mdQuote      = regexp.MustCompile(`^(\s*>)+\s?`)
	mdBullet     = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+`)
	mdRule       = regexp.MustCompile(`^\s*([-*_]\s*){3,}$`)
	mdEmphasis   = regexp.MustCompile(`(\*\*|__|\*|_)([^*_\s][^*_]*?)(\*\*|__|\*|_)`)
	mdInlineCode = regexp.MustCompile("`([^`]*)`")
	mdHTMLTag    = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// markdownInput turns Markdown into plain text, taking the first heading
// as the title.
func markdownInput(source string) extract.Input {
	var in extract.Input
	var lines []string
	inFence := false
	for _, line := range strings.Split(strings.ReplaceAll(source, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence || mdLinkDef.MatchString(line) || mdRule.MatchString(line) {
			if !inFence {
				lines = append(lines, "")
			}
			continue
		}
		if mdHeading.MatchString(trimmed) {
			heading := inline(mdHeading.ReplaceAllString(trimmed, ""))
			if in.Title == "" {
				in.Title = heading
				continue
			}
			lines = append(lines, "", heading, "")
			continue
		}
		line = mdQuote.ReplaceAllString(line, "")
		line = mdBullet.ReplaceAllString(line, "")
		lines = append(lines, inline(line))
	}
	in.Text = strings.TrimSpace(strings.Join(lines, "\n"))
	return in
}

// inline removes inline Markdown: images, links (keeping their text),
// emphasis, code marks and HTML tags.
func inline(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdInlineCode.ReplaceAllString(s, "$1")
	for i := 0; i < 2; i++ {
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	return mdHTMLTag.ReplaceAllString(s, "")
}
