package neo4jstore

import (
	"strings"
	"testing"
)

func TestLuceneQuery(t *testing.T) {
	for text, want := range map[string]string{
		"Microsoft":          `+(microsoft OR microsoft*)`,
		`Microsoft" OR *:*`:  `+microsoft +(or OR or*) "microsoft or"^2`,
		"AT&T":               `+"at\&t"`,
		"U.S. government":    `+"u.s" +(government OR government*) "u.s government"^2`,
		"software giant":     `+software +(giant OR giant*) "software giant"^2`,
		`a\b (c) [d] {e} ~f`: `+"a\\b" +c +d +e +f "a\\b c d e f"^2`,
		"*:*":                "",
		"  ":                 "",
		"x":                  "+x",
	} {
		if got, _ := luceneQuery(text); got != want {
			t.Errorf("luceneQuery(%q) = %s, want %s", text, got, want)
		}
	}
}

func TestSnippet(t *testing.T) {
	if got := snippet("A short quote.", []string{"short"}); got != "A short quote." {
		t.Errorf("a short text should be whole: %q", got)
	}
	long := strings.Repeat("lorem ipsum ", 40) + "the Verizon brief " + strings.Repeat("dolor sit ", 40)
	got := snippet(long, []string{"verizon"})
	if !strings.Contains(got, "Verizon") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || len([]rune(got)) > snippetRunes+2 {
		t.Errorf("snippet around the match: %q", got)
	}
}
