// Package evaluate scores the facts an extractor found in an article against
// a hand-made gold annotation of the same article.
//
// The gold format is described in shared/gold/README.md. Names match
// loosely: two names match when their facts.Key is equal, and a party or
// court matches when any of its names or aliases matches any of the other's.
// Evidence sentences match after white space and typographic quotes are
// folded.
package evaluate

import (
	"encoding/json"
	"os"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// Gold is the hand annotation of one article.
type Gold struct {
	Article    string          `json:"article"`
	Title      string          `json:"title"`
	Publisher  string          `json:"publisher"`
	Author     string          `json:"author"`
	Case       string          `json:"case"`
	Issue      string          `json:"issue"`
	Parties    []GoldParty     `json:"parties"`
	Courts     []GoldCourt     `json:"courts"`
	Judges     []GoldJudge     `json:"judges"`
	Cases      []GoldCase      `json:"cases"`
	Supporters []GoldSupporter `json:"supporters"`
	Arguments  []GoldArgument  `json:"arguments"`
	Precedents []GoldPrecedent `json:"precedents"`
	Rulings    []GoldRuling    `json:"rulings"`
}

// GoldParty is a litigant; Side is "A" or "B".
type GoldParty struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Side    string   `json:"side"`
	Case    string   `json:"case"`
}

// GoldCourt is a court with the other names the article uses for it.
type GoldCourt struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// GoldJudge is a named judge and, when known, the court they sit on.
type GoldJudge struct {
	Name  string `json:"name"`
	Court string `json:"court"`
}

// GoldCase is one dispute of the article. The examples write it either as a
// plain string (its name) or as an object.
type GoldCase struct {
	Name  string `json:"name"`
	Issue string `json:"issue"`
}

// UnmarshalJSON accepts a string or an object with a "name".
func (c *GoldCase) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		c.Name = s
		return nil
	}
	type plain GoldCase
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*c = GoldCase(p)
	return nil
}

// GoldSupporter records that Supporter backed Supports (empty when the
// article never says whom). Grounds is empty when the article gives none.
type GoldSupporter struct {
	Supporter string `json:"supporter"`
	Supports  string `json:"supports"`
	Via       string `json:"via"`
	Grounds   string `json:"grounds"`
	Evidence  string `json:"evidence"`
}

// GoldArgument is a claim made by a party, with the sentence it is in.
type GoldArgument struct {
	By       string `json:"by"`
	Claim    string `json:"claim"`
	Evidence string `json:"evidence"`
}

// GoldPrecedent is a statute or case cited.
type GoldPrecedent struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Citation string `json:"citation"`
}

// GoldRuling is a court's decision; Favors is empty when it favours no one.
type GoldRuling struct {
	Court  string `json:"court"`
	Favors string `json:"favors"`
	What   string `json:"what"`
	Date   string `json:"date"`
}

// LoadGold reads a gold annotation file. JSON nulls read as empty strings.
func LoadGold(path string) (Gold, error) {
	var g Gold
	b, err := os.ReadFile(path)
	if err != nil {
		return g, err
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return g, facts.Errorf(facts.ECodeInvalid, "%s: %v", path, err)
	}
	return g, nil
}

// FoldEvidence prepares a sentence for comparison: typographic quotes and
// dashes become ASCII, runs of white space become one space, and the ends
// are trimmed.
func FoldEvidence(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‚', '′':
			return '\''
		case '“', '”', '„', '″':
			return '"'
		case '–', '—':
			return '-'
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
