package neo4jstore

import (
	"context"
	"errors"
	"strings"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// warmUpText is the article WarmUp writes and takes back.
const warmUpText = "Warmup Widgets sued the Probe Agency in the Sample District Court. " +
	"Judge Ada Sample sits on the Sample District Court. " +
	"Warmup Widgets says the Sample Act forbids the order. " +
	"The Helper Guild filed a brief backing Warmup Widgets, saying that the order hurts makers. " +
	"The Sample District Court ruled for Warmup Widgets."

// errWarmedUp ends the warm-up transaction, which rolls it back.
var errWarmedUp = errors.New("warm-up done")

// WarmUp writes an article with a fact of every kind in a transaction
// that it then rolls back, so that Neo4j has planned every write
// statement before the first real article arrives. The graph is left as
// it was. On a cold server this takes seconds that the first loads would
// otherwise pay, while readers compete for the processor.
func (s *Store) WarmUp(ctx context.Context) error {
	doc := warmUpDocument()
	hash, err := factsHash(doc)
	if err != nil {
		return err
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	_, err = neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (any, error) {
		if _, err := writeBatch(ctx, tx, []validDocument{{doc: doc, hash: hash}}); err != nil {
			return nil, err
		}
		return nil, errWarmedUp
	})
	if errors.Is(err, errWarmedUp) {
		return nil
	}
	return classify(err)
}

// warmUpDocument is warmUpText's facts.
func warmUpDocument() facts.Document {
	ev := func(quote string) []facts.Evidence {
		start := strings.Index(warmUpText, quote)
		return []facts.Evidence{{Quote: quote, Start: start, End: start + len(quote)}}
	}
	const caseName = "Warmup Widgets v. Probe Agency"
	const court = "Sample District Court"
	return facts.Document{
		Version: facts.FormatVersion,
		Article: facts.Article{ID: facts.ArticleID(warmUpText), Title: "Warm-up", Text: warmUpText},
		Cases:   []facts.Case{{Name: caseName, Confidence: 0.9, Evidence: ev("Warmup Widgets sued the Probe Agency")}},
		Parties: []facts.Party{
			{Name: "Warmup Widgets", Kind: facts.KindCompany, Case: caseName, Side: facts.SideA, Confidence: 0.9, Evidence: ev("Warmup Widgets")},
			{Name: "Probe Agency", Kind: facts.KindAgency, Case: caseName, Side: facts.SideB, Confidence: 0.9, Evidence: ev("the Probe Agency")},
			{Name: "Helper Guild", Kind: facts.KindGroup, Confidence: 0.9, Evidence: ev("The Helper Guild")},
		},
		Courts:     []facts.Court{{Name: court, Level: "district", Confidence: 0.9, Evidence: ev("the Sample District Court")}},
		Judges:     []facts.Judge{{Name: "Ada Sample", Court: court, Confidence: 0.9, Evidence: ev("Judge Ada Sample")}},
		Precedents: []facts.Precedent{{Name: "Sample Act", Kind: facts.PrecedentStatute, Confidence: 0.9, Evidence: ev("the Sample Act")}},
		Arguments: []facts.Argument{{By: "Warmup Widgets", Claim: "the Sample Act forbids the order", Case: caseName, Cites: []string{"Sample Act"},
			Confidence: 0.9, Evidence: ev("Warmup Widgets says the Sample Act forbids the order.")}},
		Supports: []facts.Support{{Supporter: "Helper Guild", Supported: "Warmup Widgets", Via: "brief", Case: caseName, Confidence: 0.9,
			Grounds:  []facts.Ground{{Claim: "the order hurts makers", Confidence: 0.8, Evidence: ev("saying that the order hurts makers")}},
			Evidence: ev("The Helper Guild filed a brief backing Warmup Widgets")}},
		Rulings: []facts.Ruling{{Court: court, Summary: "ruled for Warmup Widgets", Favors: "Warmup Widgets", Case: caseName, Confidence: 0.9,
			Evidence: ev("The Sample District Court ruled for Warmup Widgets.")}},
	}
}
