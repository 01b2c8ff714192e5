package neo4jstore

import (
	"context"
	"fmt"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// mergeStatements move everything that points at the merged party onto the
// kept one, relationship type by relationship type, then delete it. Each
// runs with $keep and $merge, the two party ids.
var mergeStatements = []string{
	// The kept party takes the merged one's names.
	`MATCH (k:Party {id: $keep}), (m:Party {id: $merge})
	 SET k.aliases = reduce(acc = coalesce(k.aliases, []), a IN [m.name] + coalesce(m.aliases, []) |
	       CASE WHEN a IN acc THEN acc ELSE acc + a END)`,
	// Claims and evidence.
	`MATCH (k:Party {id: $keep}), (m:Party {id: $merge})-[r:ARGUES]->(a)
	 MERGE (k)-[:ARGUES]->(a) DELETE r`,
	`MATCH (k:Party {id: $keep}), (m:Party {id: $merge})-[r:EVIDENCED_BY]->(e)
	 MERGE (k)-[kr:EVIDENCED_BY]->(e)
	 ON CREATE SET kr.note = r.note, kr.confidence = r.confidence
	 ON MATCH SET kr.note = coalesce(kr.note, r.note),
	              kr.confidence = CASE WHEN r.confidence > kr.confidence THEN r.confidence ELSE kr.confidence END
	 DELETE r`,
	// Its place in cases.
	`MATCH (k:Party {id: $keep}), (m:Party {id: $merge})-[r:PARTY_TO]->(c)
	 MERGE (k)-[kr:PARTY_TO]->(c)
	 ON CREATE SET kr.side = r.side, kr.articles = r.articles
	 ON MATCH SET kr.articles = kr.articles + [x IN r.articles WHERE NOT x IN kr.articles]
	 DELETE r`,
	// Support given and received; support between the two becomes nothing.
	`MATCH (k:Party {id: $keep}), (m:Party {id: $merge})-[r:SUPPORTS]->(x) WHERE x <> k
	 MERGE (k)-[kr:SUPPORTS]->(x)
	 ON CREATE SET kr.via = r.via, kr.articles = r.articles
	 ON MATCH SET kr.articles = kr.articles + [a IN r.articles WHERE NOT a IN kr.articles]
	 DELETE r`,
	`MATCH (k:Party {id: $keep}), (x)-[r:SUPPORTS]->(m:Party {id: $merge}) WHERE x <> k
	 MERGE (x)-[kr:SUPPORTS]->(k)
	 ON CREATE SET kr.via = r.via, kr.articles = r.articles
	 ON MATCH SET kr.articles = kr.articles + [a IN r.articles WHERE NOT a IN kr.articles]
	 DELETE r`,
	`MATCH (k:Party {id: $keep}), (s:Support)-[r:BY]->(m:Party {id: $merge})
	 MERGE (s)-[:BY]->(k) DELETE r`,
	`MATCH (k:Party {id: $keep}), (s:Support)-[r:BACKS]->(m:Party {id: $merge})
	 MERGE (s)-[:BACKS]->(k) DELETE r`,
	`MATCH (k:Party {id: $keep}), (x:Ruling)-[r:FAVORS]->(m:Party {id: $merge})
	 MERGE (x)-[:FAVORS]->(k) DELETE r`,
	// Later articles that name the merged party write to the kept one.
	`MATCH (x:MergedParty {into: $merge}) SET x.into = $keep`,
	`MERGE (x:MergedParty {id: $merge}) SET x.into = $keep`,
	`MATCH (m:Party {id: $merge}) DETACH DELETE m`,
}

// MergeParties makes two parties one, in one transaction: the party merge
// disappears and everything the articles said of it — claims, evidence,
// sides, support given and received, rulings in its favour, its names —
// now belongs to keep. Articles loaded later that name the merged party are
// written to the kept one.
func (s *Store) MergeParties(ctx context.Context, keep, merge string) (facts.StoredParty, error) {
	if keep == merge {
		return facts.StoredParty{}, facts.Errorf(facts.ECodeInvalid, "a party cannot be merged into itself")
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	party, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (facts.StoredParty, error) {
		params := map[string]any{"keep": keep, "merge": merge}
		records, err := collect(ctx, tx, `
OPTIONAL MATCH (k:Party {id: $keep})
OPTIONAL MATCH (m:Party {id: $merge})
RETURN k IS NOT NULL AS keepFound, m IS NOT NULL AS mergeFound`, params)
		if err != nil {
			return facts.StoredParty{}, err
		}
		found := records[0].AsMap()
		for _, which := range []string{"keep", "merge"} {
			if ok, _ := found[which+"Found"].(bool); !ok {
				return facts.StoredParty{}, facts.Errorf(facts.ECodeNotFound, "no party has the id %q", params[which])
			}
		}
		for _, statement := range mergeStatements {
			if err := run(ctx, tx, statement, params); err != nil {
				return facts.StoredParty{}, fmt.Errorf("merging parties: %w", err)
			}
		}
		records, err = collect(ctx, tx, `MATCH (p:Party {id: $keep}) RETURN p`+partyProjection+` AS item`, params)
		if err != nil {
			return facts.StoredParty{}, err
		}
		return decodeParty(item(records[0])), nil
	})
	if err != nil {
		return facts.StoredParty{}, classify(err)
	}
	return party, nil
}
