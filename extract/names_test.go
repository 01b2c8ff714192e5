package extract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/evaluate"
)

// genericWords are capitalised words of the examples' names that are
// generic legal, organisational or geographic vocabulary (countries and
// their adjectives, court and statute words, corporate suffixes, titles):
// the rules may use them.
var genericWords = strings.Fields(`
	Records Music Pty Pharmaceuticals Friends Cooperative Corps Engineers Robotics Assembly Cal Greece Stat Gen North
	II III IV Jr Sr App U.S.C C.F.R Solicitor County College Order Minister Representative Academy Mayor Sheriff
	Act Amendment Article Charter Code Convention Directive Regulation Regulations Rule Statute Treaty Title Section
	Law Rights Constitution Clause Bill EC EEC ORS City Firm Lord Lady
	Court Courts Supreme High Appeals Appeal Circuit District Federal Justice Judge Chief Magistrate Senior Central
	First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Fourteenth
	Northern Southern Eastern Western Middle South Wales Online
	Inc Corp Corporation Co Company Ltd LLC LLP PLC BV Group Holdings Technologies Systems Labs Games Bank Platforms
	Software Communications Networks Media Partners Capital Industries Enterprises Electronics Airlines
	Foundation Union Association Institute Center Centre Council Alliance Coalition Society Committee League
	Federation Chamber Network Project Forum Fund Trust Campaign Initiative Clinic Caucus Guild Organization
	Department Commission Agency Bureau Authority Office Ministry Board Administration Service Regulator
	Attorney General Attorneys Generals Secretary Commissioner President Governor Senator Prosecutors Lawyers
	Congress Parliament Senate House State States United Nations Government Trade Data Human
	The A An Of For And In On At To Under Against All Big New
	U.S US USA UK EU European Europe America American Britain British Ireland Irish France French Germany German
	Spain Spanish Italy Italian India Indian China Chinese Japan Japanese Canada Canadian Australia Australian
	Brazil Brazilian Netherlands Dutch Belgium Belgian Sweden Swedish Poland Polish Denmark Danish Mexico Mexican
	Russia Russian Switzerland Swiss Korea Korean
`)

// TestNoExampleNamesInRules fails when the rules mention a name taken from
// the examples' gold files: the extractor must find parties, judges,
// supporters and laws from generic language, not from a memorised list.
func TestNoExampleNamesInRules(t *testing.T) {
	var golds []string
	for _, dir := range []string{exampleGoldDir, "../examples/heldout/gold", "../examples/unseen/gold", "../examples/unseen2/gold", "../examples/unseen3/gold"} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		golds = append(golds, more...)
	}
	if len(golds) == 0 {
		t.Skip("no example gold")
	}
	var names []string
	for _, gp := range golds {
		g, err := evaluate.LoadGold(gp)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range g.Parties {
			names = append(names, p.Name)
			names = append(names, p.Aliases...)
		}
		for _, s := range g.Supporters {
			names = append(names, s.Supporter)
		}
		for _, j := range g.Judges {
			names = append(names, j.Name)
		}
		for _, p := range g.Precedents {
			names = append(names, p.Name)
		}
	}
	generic := map[string]bool{}
	for _, w := range genericWords {
		generic[w] = true
	}
	var code strings.Builder
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		code.Write(b)
	}
	src := code.String()
	isWord := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	found := func(s string) bool {
		for i := 0; ; {
			k := strings.Index(src[i:], s)
			if k < 0 {
				return false
			}
			a, b := i+k, i+k+len(s)
			if (a == 0 || !isWord(src[a-1])) && (b == len(src) || !isWord(src[b])) {
				return true
			}
			i = a + 1
		}
	}
	word := regexp.MustCompile(`[A-Z][\w&'.-]*`)
	reported := map[string]bool{}
	for _, n := range names {
		var specific []string
		for _, w := range word.FindAllString(n, -1) {
			w = strings.TrimRight(strings.TrimSuffix(w, "'s"), ".'")
			if len(w) > 1 && !generic[w] {
				specific = append(specific, w)
			}
		}
		if len(specific) == 0 {
			continue // a wholly generic name such as "U.S. government"
		}
		if found(n) && !reported[n] {
			reported[n] = true
			t.Errorf("the rules mention %q, a name from the examples", n)
		}
		for _, w := range specific {
			if found(w) && !reported[w] {
				reported[w] = true
				t.Errorf("the rules mention %q (from the example name %q)", w, n)
			}
		}
	}
}
