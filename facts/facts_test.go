package facts

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Microsoft", "Microsoft Corp."},
		{"the U.S. government", "U.S. Government"},
		{"AT&T Inc.", "at&t"},
		{"Apple, Inc.", "Apple"},
	} {
		if Key(tc.a) != Key(tc.b) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", tc.a, Key(tc.a), tc.b, Key(tc.b))
		}
	}
	if Key("Apple") == Key("Apple Daily") {
		t.Error("different names must have different keys")
	}
	if Key("U.S. government") != "us-government" {
		t.Errorf("Key(U.S. government) = %q", Key("U.S. government"))
	}
}

// sample is a small valid document.
func sample() Document {
	text := "Acme sued Globex. Acme says that Globex copied it."
	return Document{
		Version: FormatVersion,
		Article: Article{Title: "Acme v. Globex", Text: text},
		Cases:   []Case{{Name: "Acme v. Globex", Confidence: 0.9, Evidence: []Evidence{{Quote: "Acme sued Globex.", Start: 0, End: 17}}}},
		Parties: []Party{
			{Name: "Acme", Kind: KindCompany, Case: "Acme v. Globex", Side: SideA, Confidence: 0.9, Evidence: []Evidence{{Quote: "Acme", Start: 0, End: 4}}},
			{Name: "Globex", Kind: KindCompany, Aliases: []string{"Globex Corp."}, Case: "Acme v. Globex", Side: SideB, Confidence: 0.9, Evidence: []Evidence{{Quote: "Globex", Start: 10, End: 16}}},
		},
		Arguments: []Argument{{By: "Acme", Claim: "Globex copied it", Confidence: 0.8, Evidence: []Evidence{{Quote: "Acme says that Globex copied it.", Start: 18, End: 50}}}},
	}
}

func TestValidateAcceptsAConsistentDocument(t *testing.T) {
	doc := sample()
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	doc.Arguments[0].By = "globex corp" // an alias, loosely matched
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateExplainsWhatIsWrong(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func(*Document)
		want  string
	}{
		{"quote off its offsets", func(d *Document) { d.Arguments[0].Evidence[0].Start = 19 }, "quote is not the article text at 19..50"},
		{"offsets past the end", func(d *Document) { d.Arguments[0].Evidence[0].End = 500 }, "outside the article text"},
		{"unknown party", func(d *Document) { d.Arguments[0].By = "Initech" }, `names party "Initech"`},
		{"unknown kind", func(d *Document) { d.Parties[0].Kind = "robot" }, `kind "robot"`},
		{"bad side", func(d *Document) { d.Parties[0].Side = "C" }, `side "C"`},
		{"self support", func(d *Document) {
			d.Supports = []Support{{Supporter: "Acme", Supported: "Acme", Confidence: 1, Evidence: d.Cases[0].Evidence}}
		}, "backs itself"},
		{"confidence out of range", func(d *Document) { d.Arguments[0].Confidence = 2 }, "outside 0..1"},
		{"wrong version", func(d *Document) { d.Version = 99 }, "version is 99"},
		{"no evidence", func(d *Document) { d.Arguments[0].Evidence = nil }, "has no evidence"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := sample()
			tc.spoil(&doc)
			err := doc.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) || ErrorCode(err) != ECodeInvalid {
				t.Fatalf("want an invalid-input error saying %q, got %v", tc.want, err)
			}
		})
	}
}
