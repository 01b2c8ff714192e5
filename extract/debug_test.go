package extract

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/amicus-graph/amicus/facts"
)

// TestDebugMentions prints the mentions of the extracted document named
// by $DBG (JSON from `amicus extract`); it is skipped otherwise.
func TestDebugMentions(t *testing.T) {
	f := os.Getenv("DBG")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	var doc facts.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	d := newDoc(doc.Article.Text, doc.Article.Title)
	d.run()
	for _, mt := range d.mentions {
		pn := ""
		if mt.party != nil {
			pn = mt.party.name
		}
		t.Logf("s%d [%.60s] %q kind=%s gov=%v desc=%v role=%s -> %s", mt.si, d.sents[mt.si].s, mt.surface, mt.kind, mt.gov, mt.desc, mt.role, pn)
	}
	for _, p := range d.parties {
		t.Logf("party %q litigant=%v supporter=%v side=%s role=%d evidence=%v", p.name, p.litigant, p.supporter, p.side, d.roles[p], p.evidence)
	}
}
