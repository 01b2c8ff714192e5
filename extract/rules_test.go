package extract

import (
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/facts"
)

// The sentences below are made up for these tests.

const sampleArticle = `Globex fights subpoena for customer files kept in Norway

By Dana Whitfield, Staff Writer
Image: Globex headquarters

globexGlobex Corp. on Monday asked a federal court in Chicago to quash a subpoena from the U.S. government for customer files stored in Oslo.

The logistics giant has been battling federal prosecutors for months over the records, which it says are beyond the reach of U.S. law. Prosecutors say that the company controls the files and must produce them.

Initech, Hooli, and Vandelay Industries filed an amicus brief supporting Globex, warning that a ruling for the government would chill cloud investment. Worried about their own overseas customers, Acme Widgets also threw its weight behind Globex.

A district court in Chicago ordered Globex to comply with the subpoena on March 3. U.S. District Judge Maria Lopez later found the company in contempt.

Globex argues that the Stored Communications Act does not reach data abroad, citing Morrison v. National Australia Bank, 561 U.S. 247 (2010). Id. at 255.

Advertisement

Source: Daily Ledger`

func sampleDoc(t *testing.T) facts.Document {
	t.Helper()
	doc, err := Extract(Input{Source: "sample.txt", Text: sampleArticle})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestNormalize(t *testing.T) {
	n := normalize(Input{Text: "Title line\r\n\r\nBy Jo Bloggs\r\nImage: a logo\r\n\r\nacmeAcme sued\u00a0  Initech.\r\n\r\nREAD MORE: other news\r\n\r\nSource: The Paper"})
	if n.Title != "Title line" || n.Author != "Jo Bloggs" || n.Publisher != "The Paper" {
		t.Errorf("title %q author %q publisher %q", n.Title, n.Author, n.Publisher)
	}
	if n.Text != "Acme sued Initech." {
		t.Errorf("text %q", n.Text)
	}
	// a given title is not repeated in the text
	n = normalize(Input{Title: "Big Case", Text: "Big Case\n\nFirst paragraph.\n\nSecond one."})
	if n.Text != "First paragraph.\n\nSecond one." {
		t.Errorf("text %q", n.Text)
	}
}

func TestSentences(t *testing.T) {
	text := `The U.S. Court of Appeals ruled for Acme Corp. on Friday. Judge J. Smith wrote that 18 U.S.C. § 2703 applies, see Doe v. Roe, 829 F.3d 197 (2d Cir. 2016). The firm sued Initech Inc. The case, No. 14-2985, continues.

"We will appeal," it said. A second paragraph!`
	var got []string
	for _, s := range splitSentences(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{
		"The U.S. Court of Appeals ruled for Acme Corp. on Friday.",
		"Judge J. Smith wrote that 18 U.S.C. § 2703 applies, see Doe v. Roe, 829 F.3d 197 (2d Cir. 2016).",
		"The firm sued Initech Inc.",
		"The case, No. 14-2985, continues.",
		`"We will appeal," it said.`,
		"A second paragraph!",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences:\n%q\nwant\n%q", got, want)
	}
}

func TestArticleMetadata(t *testing.T) {
	doc := sampleDoc(t)
	a := doc.Article
	if a.Title != "Globex fights subpoena for customer files kept in Norway" || a.Author != "Dana Whitfield" || a.Publisher != "Daily Ledger" {
		t.Errorf("article %+v", a)
	}
	if strings.Contains(a.Text, "globexGlobex") || strings.Contains(a.Text, "Advertisement") || strings.Contains(a.Text, "Image:") {
		t.Errorf("clutter left in %q", a.Text)
	}
	if doc.Version != facts.FormatVersion || doc.Extractor != Name || a.ID != facts.ArticleID(a.Text) {
		t.Errorf("version %d extractor %q id %q", doc.Version, doc.Extractor, a.ID)
	}
}

func TestPartiesAndReferences(t *testing.T) {
	doc := sampleDoc(t)
	var globex, gov *facts.Party
	for i, p := range doc.Parties {
		switch p.Name {
		case "Globex Corp", "Globex Corp.", "Globex":
			globex = &doc.Parties[i]
		case "U.S. government":
			gov = &doc.Parties[i]
		}
	}
	if globex == nil || gov == nil {
		t.Fatalf("parties %+v", doc.Parties)
	}
	if globex.Side != facts.SideA || gov.Side != facts.SideB {
		t.Errorf("sides %q %q", globex.Side, gov.Side)
	}
	for _, a := range []string{"the logistics giant", "the company"} {
		if !contains(globex.Aliases, a) {
			t.Errorf("Globex aliases %q lack %q", globex.Aliases, a)
		}
	}
	for _, a := range []string{"federal prosecutors", "Prosecutors", "the U.S. government"} {
		if !contains(gov.Aliases, a) {
			t.Errorf("government aliases %q lack %q", gov.Aliases, a)
		}
	}
	if len(doc.Cases) != 1 || !strings.Contains(doc.Cases[0].Name, " v. U.S. government") {
		t.Errorf("cases %+v", doc.Cases)
	}
}

func TestSupports(t *testing.T) {
	doc := sampleDoc(t)
	got := map[string]facts.Support{}
	for _, s := range doc.Supports {
		got[s.Supporter] = s
	}
	for _, name := range []string{"Initech", "Hooli", "Vandelay Industries"} {
		s, ok := got[name]
		if !ok || s.Via != "amicus brief" || !strings.HasPrefix(s.Supported, "Globex") || len(s.Grounds) == 0 {
			t.Errorf("%s: %+v", name, s)
		}
	}
	if s, ok := got["Acme Widgets"]; !ok || s.Via != "" || len(s.Grounds) == 0 || !strings.Contains(s.Grounds[0].Claim, "overseas customers") {
		t.Errorf("Acme Widgets: %+v", s)
	}
	if len(got) != 4 {
		t.Errorf("supports %+v", doc.Supports)
	}
}

func TestRefusedSupporterIsNoSupport(t *testing.T) {
	doc, _ := Extract(Input{Title: "t", Text: "Globex sued Initech in a federal court in Boston.\n\nThe judge denied a request by Hooli to file an amicus brief supporting Initech."})
	for _, s := range doc.Supports {
		t.Errorf("unexpected support %+v", s)
	}
}

func TestSupporterSideNotGuessed(t *testing.T) {
	doc, _ := Extract(Input{Title: "t", Text: "Globex sued Initech in a federal court in Boston.\n\nThe Open Data Foundation filed a brief in the case."})
	if len(doc.Supports) != 1 || doc.Supports[0].Supported != "" || doc.Supports[0].Supporter != "Open Data Foundation" {
		t.Errorf("supports %+v", doc.Supports)
	}
}

func TestCourtsAndJudges(t *testing.T) {
	doc := sampleDoc(t)
	if len(doc.Courts) != 1 {
		t.Fatalf("courts %+v", doc.Courts)
	}
	c := doc.Courts[0]
	if c.Level != "district" || c.Place != "Chicago" {
		t.Errorf("court %+v", c)
	}
	if len(doc.Judges) != 1 || doc.Judges[0].Name != "Maria Lopez" || doc.Judges[0].Court != c.Name {
		t.Errorf("judges %+v", doc.Judges)
	}
	doc, _ = Extract(Input{Title: "t", Text: "Globex appealed to the Ninth Circuit Court of Appeals, which ruled for Initech. The FTC, an agency, was not involved. The U.S. Court of Appeals for the 9th Circuit later declined to rehear it."})
	if len(doc.Courts) != 1 || doc.Courts[0].Place != "Ninth Circuit" || doc.Courts[0].Level != "appeals" {
		t.Errorf("courts %+v", doc.Courts)
	}
}

func TestArguments(t *testing.T) {
	doc := sampleDoc(t)
	var by []string
	for _, a := range doc.Arguments {
		by = append(by, a.By+": "+a.Evidence[0].Quote)
	}
	want := []string{
		"the logistics giant has been battling", // "which it says"
		"Prosecutors say that the company controls",
		"Globex argues that the Stored Communications Act",
	}
	for _, w := range want {
		found := false
		for _, b := range by {
			found = found || strings.Contains(strings.ToLower(b), strings.ToLower(w))
		}
		if !found {
			t.Errorf("no argument %q in %q", w, by)
		}
	}
	for _, a := range doc.Arguments {
		if strings.HasPrefix(a.Evidence[0].Quote, "Prosecutors") && a.By != "U.S. government" {
			t.Errorf("prosecutors' argument by %q", a.By)
		}
	}
}

func TestRulings(t *testing.T) {
	doc := sampleDoc(t)
	if len(doc.Rulings) != 2 {
		t.Fatalf("rulings %+v", doc.Rulings)
	}
	r := doc.Rulings[0]
	if r.Favors != "U.S. government" || r.Date != "March 3" || !strings.HasPrefix(r.Summary, "ordered Globex to comply") {
		t.Errorf("ruling %+v", r)
	}
	if doc.Rulings[1].Favors != "U.S. government" || !strings.Contains(doc.Rulings[1].Summary, "contempt") {
		t.Errorf("ruling %+v", doc.Rulings[1])
	}
}

func TestPrecedents(t *testing.T) {
	doc := sampleDoc(t)
	got := map[string]facts.Precedent{}
	for _, p := range doc.Precedents {
		got[p.Name] = p
	}
	if p, ok := got["Stored Communications Act"]; !ok || p.Kind != facts.PrecedentStatute {
		t.Errorf("precedents %+v", doc.Precedents)
	}
	p, ok := got["Morrison v. National Australia Bank"]
	if !ok || p.Kind != facts.PrecedentCase || p.Citation != "561 U.S. 247 (2010)" {
		t.Fatalf("precedents %+v", doc.Precedents)
	}
	if len(p.Evidence) != 2 || !strings.HasPrefix(p.Evidence[1].Quote, "Id.") {
		t.Errorf("'Id.' not resolved: %+v", p.Evidence)
	}
	doc, _ = Extract(Input{Title: "t", Text: "The statute, 18 U.S.C. § 2703, is at issue."})
	if len(doc.Precedents) != 1 || doc.Precedents[0].Citation != "18 U.S.C. § 2703" {
		t.Errorf("precedents %+v", doc.Precedents)
	}
}

func TestEvidenceOffsetsWithSmartQuotes(t *testing.T) {
	doc, err := Extract(Input{Title: "t", Text: "Globex sued Initech.\n\n“The order is unlawful,” Globex’s lawyers told the court, contending that the statute doesn’t apply."})
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.Article.Text)
	for _, a := range doc.Arguments {
		e := a.Evidence[0]
		if string(text[e.Start:e.End]) != e.Quote {
			t.Errorf("bad offsets %+v", e)
		}
	}
	if len(doc.Arguments) != 1 || !strings.Contains(doc.Arguments[0].Evidence[0].Quote, "“The order") {
		t.Errorf("arguments %+v", doc.Arguments)
	}
}

func TestExtractIsDeterministicAndConcurrent(t *testing.T) {
	first := sampleDoc(t)
	done := make(chan facts.Document, 8)
	for i := 0; i < 8; i++ {
		go func() {
			doc, _ := Extract(Input{Source: "sample.txt", Text: sampleArticle})
			done <- doc
		}()
	}
	for i := 0; i < 8; i++ {
		doc := <-done
		if len(doc.Parties) != len(first.Parties) || len(doc.Supports) != len(first.Supports) || len(doc.Rulings) != len(first.Rulings) {
			t.Fatal("extraction differs between runs")
		}
	}
}

func TestEmptyInput(t *testing.T) {
	if _, err := Extract(Input{}); facts.ErrorCode(err) != facts.ECodeInvalid {
		t.Errorf("err %v", err)
	}
}

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat(sampleArticle[strings.Index(sampleArticle, "\n\n")+2:]+"\n\n", 5)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(Input{Title: "t", Text: text}); err != nil {
			b.Fatal(err)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
