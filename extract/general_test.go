package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/facts"
)

// The articles below are made up for these tests: each shows one way of
// writing that the rules must read without knowing any of the names.

func extractArticle(t *testing.T, text string) facts.Document {
	t.Helper()
	doc, err := Extract(Input{Source: "test.txt", Text: "Headline\n\n" + text})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// supportPairs lists the supports as "supporter -> supported" ("-" when
// the side is not stated).
func supportPairs(doc facts.Document) []string {
	var out []string
	for _, s := range doc.Supports {
		to := s.Supported
		if to == "" {
			to = "-"
		}
		out = append(out, s.Supporter+" -> "+to)
	}
	return out
}

func TestSupportPhrasings(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"appositive role noun",
			"Brightwell Clinic, the only maternity clinic in Harlow County, sued Harlow County over its funding rules. The Midwives Guild filed a brief supporting the clinic.",
			[]string{"Midwives Guild -> Brightwell Clinic"}},
		{"paragraph gathers a side",
			"Norvane Energy sued the Tarrow Water Board over a pipeline permit.\n\nThe board has its own allies. The Tarrow Anglers Association told the court in a joint filing that the river would suffer.",
			[]string{"Tarrow Anglers Association -> Tarrow Water Board"}},
		{"lent its voice",
			"Quenby Records sued Loopcraft over remix software. The Independent Makers Forum lent its voice to Quenby's case.",
			[]string{"Independent Makers Forum -> Quenby Records"}},
		{"urged the judges to side with",
			"Kestrin Mobile sued Orlav Devices over a hinge patent. The Small Inventors Council urged the judges to side with Kestrin.",
			[]string{"Small Inventors Council -> Kestrin Mobile"}},
		{"along with",
			"Dunmore Port Authority was sued by Friends of the Sable Marsh over a dredging permit. The Dunmore County Council, along with the Coastal Shippers Association, asked the court to uphold the permit and side with the port authority.",
			[]string{"Dunmore County Council -> Dunmore Port Authority", "Coastal Shippers Association -> Dunmore Port Authority"}},
		{"named examples of a described group",
			"Halvex Labs sued the Drug Pricing Board over a price cap. More than 300 executives, among them Halvex Labs chief executive Mara Quist and Tobin Reyes, signed a letter backing Halvex Labs.",
			[]string{"Mara Quist -> Halvex Labs", "Tobin Reyes -> Halvex Labs"}},
		{"counted group and so did",
			"Westlake sued the Ferris Foundation over its grant rules. The Open Grants Alliance filed a brief backing Westlake. So did 41 members of Parliament, who wrote that the rules were unfair.",
			[]string{"Open Grants Alliance -> Westlake", "41 members of Parliament -> Westlake"}},
		{"countries as supporters",
			"Pell Dawson sued Ireland over data retention rules. Several governments, among them Portugal, Austria and Greece, submitted observations backing Ireland's position.",
			[]string{"Portugal -> Ireland", "Austria -> Ireland", "Greece -> Ireland"}},
		{"rule in a party's favour",
			"Corbel Freight sued Nantry Ports over berth fees. The Shippers Council urged the court to rule in Corbel's favor.",
			[]string{"Shippers Council -> Corbel Freight"}},
		{"fronted brief",
			"Corbel Freight sued Nantry Ports over berth fees. In a brief supporting Corbel Freight, the Shippers Council argued that the fees were unlawful.",
			[]string{"Shippers Council -> Corbel Freight"}},
		{"drew support from",
			"Corbel Freight sued Nantry Ports over berth fees. Nantry Ports drew support from the Harbor Authority Alliance and the Dockers Guild.",
			[]string{"Harbor Authority Alliance -> Nantry Ports", "Dockers Guild -> Nantry Ports"}},
		{"supporters include",
			"Corbel Freight sued Nantry Ports over berth fees. Corbel Freight's supporters include the Shippers Council and the Small Carriers Forum.",
			[]string{"Shippers Council -> Corbel Freight", "Small Carriers Forum -> Corbel Freight"}},
		{"among the supporters",
			"Corbel Freight sued Nantry Ports over berth fees. Among Nantry's supporters are the Harbor Authority Alliance and the Dockers Guild.",
			[]string{"Harbor Authority Alliance -> Nantry Ports", "Dockers Guild -> Nantry Ports"}},
		{"inverted backing",
			"Corbel Freight sued Nantry Ports over berth fees. Backing Nantry Ports were the Harbor Authority Alliance and the Dockers Guild.",
			[]string{"Harbor Authority Alliance -> Nantry Ports", "Dockers Guild -> Nantry Ports"}},
		{"refused applicants are no supporters",
			"Marsh Tenants Union sued Corwell Properties over rent fees. The Landlords Council sought leave to intervene on Corwell's side, but the court refused its application.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := supportPairs(extractArticle(t, c.text))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing support %q; got %q", w, got)
				}
			}
			if c.want == nil && len(got) > 0 {
				t.Errorf("want no supports, got %q", got)
			}
		})
	}
}

func TestGroundsPhrasings(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"lawyers' clause after a semicolon",
			"Ostrava Games sued Pellam Inc. over app store fees. The Trade Department filed a brief backing Ostrava Games; its lawyers wrote that the lower court read the law too narrowly.",
			"the lower court read the law too narrowly"},
		{"the sentence a supporter's view restates",
			"Corvin City was sued by three residents over police drones.\n\nDrones reach emergencies before patrol cars. That, at least, is the view of the Corvin Police Union, which filed a brief backing the city.",
			"Drones reach emergencies before patrol cars"},
		{"citing",
			"Ostrava Games sued Pellam Inc. over app store fees. The Coders Guild backed Ostrava Games, citing the cost of the fees for small studios.",
			"the cost of the fees for small studios"},
		{"on the grounds that",
			"Ostrava Games sued Pellam Inc. over app store fees. The Coders Guild backed Ostrava Games on the grounds that the fees stifle competition.",
			"the fees stifle competition"},
		{"over fears that",
			"Ostrava Games sued Pellam Inc. over app store fees. The Coders Guild backed Ostrava Games over fears that the fees would keep rising.",
			"the fees would keep rising"},
		{"participle opening",
			"Halden Fund was sued by the Equal Grants Project. Alarmed that a ruling could hurt scholarships, the Civic Rights Institute filed a brief supporting Halden Fund.",
			"a ruling could hurt scholarships"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := extractArticle(t, c.text)
			var grounds []string
			for _, s := range doc.Supports {
				for _, g := range s.Grounds {
					grounds = append(grounds, g.Claim)
				}
			}
			if !slices.ContainsFunc(grounds, func(g string) bool { return strings.Contains(g, c.want) }) {
				t.Errorf("want a ground with %q; got %q", c.want, grounds)
			}
		})
	}
}

func TestLawAndCourtPhrasings(t *testing.T) {
	doc := extractArticle(t, "Amberly Taxis sued the Transit Board under section 12 of the Road Fares Act 2004 and the Working Hours Regulations 1999. "+
		"The Transit Board relied on Cobden Ltd v Marsh and on Article 9 of the Charter of Transport Rights of the Union.\n\n"+
		"District Judge Ada Ferris of the Western District of Calder later ruled for the board. A federal judge in Port Sable had refused an earlier request. "+
		"The Haverton Employment Tribunal found for Amberly Taxis.")
	var laws, courts []string
	for _, p := range doc.Precedents {
		laws = append(laws, p.Name)
	}
	for _, c := range doc.Courts {
		courts = append(courts, c.Name)
	}
	for _, w := range []string{"section 12 of the Road Fares Act 2004", "Working Hours Regulations 1999", "Cobden Ltd v. Marsh", "Article 9 of the Charter of Transport Rights of the Union"} {
		if !slices.Contains(laws, w) {
			t.Errorf("missing law %q; got %q", w, laws)
		}
	}
	for _, w := range []string{"U.S. District Court for the Western District of Calder", "Haverton Employment Tribunal"} {
		if !slices.Contains(courts, w) {
			t.Errorf("missing court %q; got %q", w, courts)
		}
	}
	if slices.Contains(courts, "U.S. District Court in Port Sable") {
		t.Errorf("the city court should be merged into the one district court; got %q", courts)
	}
}

func TestPartyPhrasings(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"litigant list closed by unnamed others",
			"A judge refused to dismiss a lawsuit brought by Utopia, Arcadia and nine other states against Pellor Pharma Inc. over drug prices.",
			[]string{"Utopia", "Arcadia", "Pellor Pharma Inc."}},
		{"found liable to",
			"A court found the remix app Loopcraft liable to Quenby Records for copying.",
			[]string{"Loopcraft", "Quenby Records"}},
		{"friends of the marsh and the corps",
			"The suit was brought by Friends of the Sable Marsh, a local group, against the U.S. Army Corps of Engineers. The Corps told the court that its permit was lawful.",
			[]string{"Friends of the Sable Marsh", "U.S. Army Corps of Engineers"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := extractArticle(t, c.text)
			var litigants []string
			for _, p := range doc.Parties {
				if p.Side != "" {
					litigants = append(litigants, p.Name)
				}
			}
			for _, w := range c.want {
				if !slices.Contains(litigants, w) {
					t.Errorf("missing litigant %q; got %q", w, litigants)
				}
			}
		})
	}
}

func TestOppositionPhrasings(t *testing.T) {
	// each sentence puts the farmers and the miner on opposite sides
	for _, text := range []string{
		"Harlow Mining faces a lawsuit from the Tarn Valley Farmers Union over water rights.",
		"Harlow Mining faces a lawsuit brought by the Tarn Valley Farmers Union over water rights.",
		"The Tarn Valley Farmers Union won a ruling against Harlow Mining on Tuesday.",
		"Harlow Mining, which the Tarn Valley Farmers Union sued in 2021, lost on appeal.",
		"Harlow Mining appealed a verdict won by the Tarn Valley Farmers Union.",
		"The Tarn Valley Farmers Union is taking Harlow Mining to court over water rights.",
		"Harlow Mining is the defendant in a suit filed by the Tarn Valley Farmers Union.",
		"The Tarn Valley Farmers Union and Harlow Mining are locked in a legal battle over water rights.",
	} {
		sides := map[string]string{}
		for _, p := range extractArticle(t, text).Parties {
			sides[p.Name] = p.Side
		}
		a, b := sides["Tarn Valley Farmers Union"], sides["Harlow Mining"]
		if a == "" || b == "" || a == b {
			t.Errorf("%q: sides %q", text, sides)
		}
	}
}

func TestSpeakerWithAnAside(t *testing.T) {
	doc := extractArticle(t, "The Tarn Valley Farmers Union sued Harlow Mining last year. Harlow Mining, in a court filing, said the union had no standing to sue.")
	if len(doc.Arguments) != 1 || doc.Arguments[0].By != "Harlow Mining" {
		t.Errorf("arguments %+v", doc.Arguments)
	}
}

func TestArgumentPhrasings(t *testing.T) {
	base := "The Tarn Valley Farmers Union sued Harlow Mining last year over water rights. "
	cases := []struct{ text, by, claim string }{
		{"According to the lawsuit, Harlow Mining drained the river without a permit.", "Tarn Valley Farmers Union", "Harlow Mining drained the river without a permit"},
		{"The complaint alleges that Harlow Mining drained the river.", "Tarn Valley Farmers Union", "Harlow Mining drained the river"},
		{"Harlow Mining has denied the allegations, saying its permit was valid.", "Harlow Mining", "its permit was valid"},
		{"\"We followed every rule,\" Harlow Mining said in a statement.", "Harlow Mining", "We followed every rule"},
		{"The farmers say the mine drained the river.", "Tarn Valley Farmers Union", "the mine drained the river"},
	}
	for _, c := range cases {
		doc := extractArticle(t, base+c.text)
		found := false
		for _, a := range doc.Arguments {
			if a.By == c.by && a.Claim == c.claim {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s: %q, got %+v", c.text, c.by, c.claim, doc.Arguments)
		}
	}
}

func TestJudgeNames(t *testing.T) {
	doc := extractArticle(t, "The Supreme Court ruled for Corbel Freight. Justice Mara Quist-Lyle wrote for the majority, joined by Justices Tomas Ferrão, Ines O’Brien and Cal McKenna. Judge Lucas de Abreu Lima had ruled the other way.")
	var names []string
	for _, j := range doc.Judges {
		names = append(names, j.Name)
	}
	for _, w := range []string{"Mara Quist-Lyle", "Tomas Ferrão", "Ines O'Brien", "Cal McKenna", "Lucas de Abreu Lima"} {
		if !slices.Contains(names, w) {
			t.Errorf("missing judge %q; got %q", w, names)
		}
	}
}

func TestCourtOfACountry(t *testing.T) {
	doc := extractArticle(t, "Corbel Freight sued Nantry Ports in India. India's Supreme Court ruled for Corbel Freight.")
	if len(doc.Courts) != 1 || doc.Courts[0].Name != "Indian Supreme Court" {
		t.Errorf("courts %+v", doc.Courts)
	}
}

func TestJusticeInAnOrganisationName(t *testing.T) {
	doc := extractArticle(t, "Marsh Tenants Union sued Corwell Properties over rent fees. Renter Justice Calder, an advocacy group, intervened in support of Marsh Tenants Union, telling the panel that the fees were spreading.")
	if len(doc.Judges) != 0 {
		t.Errorf("judges %+v", doc.Judges)
	}
	got := supportPairs(doc)
	if !slices.Contains(got, "Renter Justice Calder -> Marsh Tenants Union") || len(doc.Supports[0].Grounds) == 0 {
		t.Errorf("supports %q, grounds %+v", got, doc.Supports)
	}
}

func TestRoleNounsAndTitlesOfLitigants(t *testing.T) {
	// "the library" for a party whose name ends in Library
	doc := extractArticle(t, "The Widget Valley Library sued Dunmore County over its budget cuts on Monday. "+
		"The library said the cuts broke a state funding law.")
	found := false
	for _, a := range doc.Arguments {
		if a.By == "Widget Valley Library" && strings.Contains(a.Claim, "state funding law") {
			found = true
		}
	}
	if !found {
		t.Errorf("no argument by the library: %+v", doc.Arguments)
	}
	// a department whose name has an "and" in it
	doc = extractArticle(t, "Maple Row Farms sued the Ohio Department of Health and Family Services on Tuesday over a raw milk ban.")
	names := map[string]string{}
	for _, p := range doc.Parties {
		names[p.Name] = p.Side
	}
	if names["Ohio Department of Health and Family Services"] == "" || names["Family Services"] != "" {
		t.Errorf("department name with \"and\": %v", names)
	}
	// a title that an appositive name completes
	doc = extractArticle(t, "The Gearworks Guild sued the city permits director, Ann Doe, over the new fees.")
	names = map[string]string{}
	for _, p := range doc.Parties {
		names[p.Name] = p.Side
	}
	if a, b := names["Gearworks Guild"], names["Ann Doe"]; a == "" || b == "" || a == b {
		t.Errorf("title then name: %v", names)
	}
}

func TestAgencyNameWithAnd(t *testing.T) {
	// "the X and Y Commission" is one agency, listed beside others
	doc := extractArticle(t, "The Widgets and Exchange Commission and the City of Gadgetton sued Sprocket Lending Inc. on Monday over hidden fees.")
	kinds := map[string]string{}
	for _, p := range doc.Parties {
		kinds[p.Name] = p.Kind
	}
	if kinds["Widgets and Exchange Commission"] != facts.KindAgency || kinds["Widgets"] != "" || kinds["Exchange Commission"] != "" {
		t.Errorf("agency name with \"and\": %v", kinds)
	}
	if kinds["City of Gadgetton"] != facts.KindGovernment {
		t.Errorf("a city by its formal name is a government: %v", kinds)
	}
	// a one-word company beside an agency stays apart
	doc = extractArticle(t, "Sprocket and the Widget Safety Commission sued Gizmo Corp. on Monday.")
	kinds = map[string]string{}
	for _, p := range doc.Parties {
		kinds[p.Name] = p.Kind
	}
	if kinds["Sprocket"] == "" || kinds["Widget Safety Commission"] == "" {
		t.Errorf("a company and an agency: %v", kinds)
	}
}

func TestTwoSuitsInOneArticle(t *testing.T) {
	doc := extractArticle(t, "Acme Widgets Inc. sued Sprocket Lending Inc. on Monday, saying the lender copied its designs.\n\n"+
		"In a separate case, Gizmo Corp. sued Valemont Gadgets Inc. in federal court in Ohio over unpaid invoices.")
	cases := map[string]string{}
	for _, p := range doc.Parties {
		cases[p.Name] = p.Case
	}
	if len(doc.Cases) != 2 || cases["Acme Widgets Inc."] == cases["Gizmo Corp."] ||
		cases["Acme Widgets Inc."] != cases["Sprocket Lending Inc."] || cases["Gizmo Corp."] != cases["Valemont Gadgets Inc."] {
		t.Errorf("two suits should be two cases: %d cases, parties in %v", len(doc.Cases), cases)
	}
}

func TestChallengeAndEnforcementFrames(t *testing.T) {
	cases := []struct {
		name, text string
		opposed    [2]string
	}{
		{"a court annuls an agency's decision",
			"The Widget Tribunal on Wednesday annulled a Gadget Commission decision that had cleared state aid for a ferry line. " +
				"The challenge was brought by Sprocket Ferries, a smaller rival.",
			[2]string{"Sprocket Ferries", "Gadget Commission"}},
		{"the owner of a challenge",
			"A federal judge on Monday rejected Sprocket Lines' challenge to the Gadget Port Authority over new berthing fees.",
			[2]string{"Sprocket Lines", "Gadget Port Authority"}},
		{"an agency fines a company",
			"The Widget Maritime Commission fined Gizmo Freight $2 million over detention charges. Gizmo argued that the charges reflected real delays.",
			[2]string{"Widget Maritime Commission", "Gizmo Freight"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := extractArticle(t, c.text)
			sides, cases := map[string]string{}, map[string]string{}
			for _, p := range doc.Parties {
				sides[p.Name], cases[p.Name] = p.Side, p.Case
			}
			a, b := c.opposed[0], c.opposed[1]
			if sides[a] == "" || sides[b] == "" || sides[a] == sides[b] || cases[a] != cases[b] {
				t.Errorf("%s and %s should be opponents in one case: sides %v", a, b, sides)
			}
		})
	}
	// a short form of a three-word name is the same party
	doc := extractArticle(t, "A judge rejected Widgetwater Container Lines' challenge to the Gadget Port Authority. Widgetwater had claimed the fees were unfair.")
	for _, p := range doc.Parties {
		if p.Name == "Widgetwater" {
			t.Errorf("\"Widgetwater\" should be an alias of Widgetwater Container Lines: %+v", doc.Parties)
		}
	}
}
