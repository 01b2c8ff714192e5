package neo4jstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph/model"
)

// hitText is all the text a hit was found by.
func hitText(h model.SearchHit) string {
	switch {
	case h.Party != nil:
		return h.Party.Name + " " + strings.Join(h.Party.Aliases, " ")
	case h.Argument != nil:
		return h.Argument.Claim
	case h.Evidence != nil:
		return h.Evidence.Quote
	}
	return ""
}

func search(t *testing.T, text string, first int) []model.SearchHit {
	t.Helper()
	hits, err := store.Search(context.Background(), text, first)
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	return hits
}

func TestSearch(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	b := newBuilder("Carriers back Northwind",
		"AT&T and Sprocket Co. backed Northwind in a joint letter.",
		"Sprocket Co. says that Northwind or its rivals must be free to trade.")
	b.doc.Parties = []facts.Party{
		{Name: "AT&T", Kind: facts.KindCompany, Confidence: 0.9, Evidence: b.ev("AT&T")},
		{Name: "Sprocket", Kind: facts.KindCompany, Aliases: []string{"Sprocket Co."}, Confidence: 0.9, Evidence: b.ev("Sprocket Co. backed")},
	}
	b.doc.Arguments = []facts.Argument{{By: "Sprocket", Claim: "Northwind or its rivals must be free to trade", Confidence: 0.8,
		Evidence: b.ev("Sprocket Co. says that Northwind or its rivals must be free to trade.")}}
	write(t, b.doc)

	// A party by name, ranked first, and by the start of its name.
	for _, text := range []string{"Bluebird", "blue", "BLUEBIRD!"} {
		hits := search(t, text, 10)
		if len(hits) == 0 || hits[0].Kind != "party" || hits[0].Party == nil || hits[0].Party.Name != "Bluebird" {
			t.Errorf("search %q: want the party Bluebird first, got %+v", text, hits)
		}
	}
	// A party by alias: the snippet says which alias matched.
	hits := search(t, "ministry", 10)
	if len(hits) == 0 || hits[0].Party == nil || hits[0].Party.Name != "Ministry of Trade" {
		t.Fatalf("search ministry: %+v", hits)
	}
	// Claims, grounds included, with their case; quotes with their case.
	kinds := map[string]bool{}
	for _, h := range search(t, "exporters", 10) {
		kinds[h.Kind] = true
		if h.Case == nil || h.Case.Name != "Northwind v. Ministry of Trade" {
			t.Errorf("hit %q should belong to the case, got %+v", h.Snippet, h.Case)
		}
		if !strings.Contains(strings.ToLower(hitText(h)), "exporters") {
			t.Errorf("hit %+v does not contain the word", h)
		}
	}
	if !kinds["argument"] || !kinds["evidence"] {
		t.Errorf("search exporters should find the ground and its quote, found %v", kinds)
	}
	// One quote serving several facts is one hit.
	seen := map[string]bool{}
	for _, h := range search(t, "Bluebird", 50) {
		if h.Evidence != nil {
			if seen[h.Evidence.Quote] {
				t.Errorf("quote %q found twice", h.Evidence.Quote)
			}
			seen[h.Evidence.Quote] = true
		}
	}
	// Query syntax is plain text: it neither fails nor widens the search.
	all := len(search(t, "the", 50))
	for text, must := range map[string]string{
		`Northwind" OR *:*`: "northwind",
		`AT&T`:              "at&t",
		`ban && (security`:  "security",
		`Sprocket Co.`:      "sprocket co.",
	} {
		hits := search(t, text, 50)
		if len(hits) == 0 || len(hits) >= all {
			t.Errorf("search %q: %d hits, want some and fewer than the %d of a common word", text, len(hits), all)
		}
		for _, h := range hits {
			if !strings.Contains(strings.ToLower(hitText(h)), must) {
				t.Errorf("search %q found %q, which does not contain %q", text, hitText(h), must)
			}
		}
	}
	for _, text := range []string{"*:*", `"`, "  ", "\\", "*", "?~^"} {
		if hits := search(t, text, 10); len(hits) != 0 {
			t.Errorf("search %q should find nothing, found %d hits", text, len(hits))
		}
	}
	if hits := search(t, "the", 2); len(hits) != 2 {
		t.Errorf("first 2 returned %d hits", len(hits))
	}
}
