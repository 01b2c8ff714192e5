package extract

import (
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/facts"
)

// The articles below are made up for these tests.

func extractText(t *testing.T, text string) facts.Document {
	t.Helper()
	doc, err := Extract(Input{Source: "t.txt", Title: "A dispute", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	return doc
}

// sides maps each litigant's name to its side.
func sides(doc facts.Document) map[string]string {
	out := map[string]string{}
	for _, p := range doc.Parties {
		if p.Side != "" {
			out[p.Name] = p.Side
		}
	}
	return out
}

func TestFramesCoLitigants(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		same, opp  [][2]string
	}{
		{"list sues list", "Ann Doe, Bo Reyes and the Harbor Tenants Union sued Globex Corp. and Initech Inc. in March. The judge heard the case.",
			[][2]string{{"Ann Doe", "Bo Reyes"}, {"Ann Doe", "Harbor Tenants Union"}, {"Globex Corp.", "Initech Inc."}},
			[][2]string{{"Ann Doe", "Globex Corp."}}},
		{"appositive plaintiffs", "The plaintiffs - Ann Doe, Bo Reyes and the Harbor Tenants Union - sued the City of Milbrook in May.",
			[][2]string{{"Ann Doe", "Harbor Tenants Union"}},
			[][2]string{{"Bo Reyes", "City of Milbrook"}}},
		{"brought by", "The settlement ends the case brought last year by the Fair Play Alliance against Globex Corp. over its grant program.",
			nil, [][2]string{{"Fair Play Alliance", "Globex Corp."}}},
		{"role noun subject", "The Fair Play Alliance is a small group. The alliance sued Globex Corp., a related fund and the Globex Foundation in May.",
			[][2]string{{"Globex Corp.", "Globex Foundation"}}, [][2]string{{"Fair Play Alliance", "Globex Foundation"}}},
		{"joined by", "The Harbor Medical Alliance, joined by the Society of Rural Doctors, two other groups and four doctors, sued Globex Corp. in 2022. Three states, Ohio, Utah and Iowa, have joined the case.",
			[][2]string{{"Harbor Medical Alliance", "Society of Rural Doctors"}, {"Harbor Medical Alliance", "Utah"}},
			[][2]string{{"Society of Rural Doctors", "Globex Corp."}}},
		{"other states", "Minnesota, Oregon and 14 other states are suing Calvex Pharmaceuticals and its distributor, Brightline Drug Supply LLC, over prices.",
			[][2]string{{"Minnesota", "Oregon"}, {"Calvex Pharmaceuticals", "Brightline Drug Supply LLC"}},
			[][2]string{{"Oregon", "Calvex Pharmaceuticals"}}},
		{"counted appositive", "The Amalgamated Transit Union and two drivers, Ana Ruiz and Tom Bell, sued the City of Port Haven on Monday.",
			[][2]string{{"Amalgamated Transit Union", "Tom Bell"}}, [][2]string{{"Ana Ruiz", "City of Port Haven"}}},
		{"filed by, accuses, asks", "The suit, filed by the Riverside Tenants Association, accuses Crestline Property Group of ignoring repairs. Crestline Property Group asked the judge to dismiss the case.",
			nil, [][2]string{{"Riverside Tenants Association", "Crestline Property Group"}}},
		{"passive", "Corvid Data Inc. was sued by a former engineer, Lena Marsh, last year.",
			nil, [][2]string{{"Corvid Data Inc.", "Lena Marsh"}}},
		{"between and pitting", "The trial between Norwick Devices and Kestrel Phones opened on Monday. A separate lawsuit pitting Talon Media against the Harbor Press Guild is pending.",
			nil, [][2]string{{"Norwick Devices", "Kestrel Phones"}, {"Talon Media", "Harbor Press Guild"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sides(extractText(t, tc.text))
			for _, pr := range tc.same {
				if got[pr[0]] == "" || got[pr[0]] != got[pr[1]] {
					t.Errorf("%s and %s should be litigants on one side: %v", pr[0], pr[1], got)
				}
			}
			for _, pr := range tc.opp {
				if got[pr[0]] == "" || got[pr[1]] == "" || got[pr[0]] == got[pr[1]] {
					t.Errorf("%s and %s should be litigants on opposite sides: %v", pr[0], pr[1], got)
				}
			}
		})
	}
}

func TestPluralAndPronounArguments(t *testing.T) {
	doc := extractText(t, "Ann Doe and Bo Reyes sued Globex Corp. in March. The plaintiffs argued that the program tracks them without a warrant. They also said the company ignored a state law. Globex Corp. filed a motion to dismiss. It argued that the records are public.")
	by := map[string][]string{}
	for _, a := range doc.Arguments {
		by[a.Evidence[0].Quote] = append(by[a.Evidence[0].Quote], a.By)
	}
	for quote, want := range map[string]string{
		"The plaintiffs argued":  "Ann Doe,Bo Reyes",
		"They also said":         "Ann Doe,Bo Reyes",
		"It argued that the rec": "Globex Corp.",
	} {
		found := false
		for q, names := range by {
			if strings.HasPrefix(q, quote) {
				found = true
				if strings.Join(names, ",") != want {
					t.Errorf("%q: by %v, want %s", quote, names, want)
				}
			}
		}
		if !found {
			t.Errorf("no argument for %q; have %v", quote, by)
		}
	}
}

func TestQuotedAndAccordingToArguments(t *testing.T) {
	doc := extractText(t, "Ann Doe sued Globex Corp. in March. Doe, a nurse, said she was worried. \"The cameras watch my children every single day,\" she said. According to Globex Corp., the cameras only record public streets.")
	want := map[string]string{
		"\"The cameras watch": "Ann Doe",
		"According to Globex": "Globex Corp.",
	}
	for prefix, by := range want {
		found := false
		for _, a := range doc.Arguments {
			if strings.HasPrefix(a.Evidence[0].Quote, prefix) {
				found = true
				if a.By != by {
					t.Errorf("%q: by %s, want %s", prefix, a.By, by)
				}
			}
		}
		if !found {
			t.Errorf("no argument for %q: %+v", prefix, doc.Arguments)
		}
	}
}

func TestRulingFavorsFromObject(t *testing.T) {
	doc := extractText(t, "Ann Doe sued Globex Corp. in March. On Friday, U.S. District Judge Mia Park dismissed the lawsuit.")
	if len(doc.Rulings) != 1 || doc.Rulings[0].Favors != "Globex Corp." {
		t.Fatalf("rulings %+v: want one for Globex Corp.", doc.Rulings)
	}
}
