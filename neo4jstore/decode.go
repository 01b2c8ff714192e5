package neo4jstore

import (
	"context"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// byID runs a query over $ids whose records have a `key` and an `item` map,
// and returns the decoded items by key.
func byID[T any](ctx context.Context, s *Store, query string, ids []string, decode func(map[string]any) T) (map[string]T, error) {
	groups, err := grouped(ctx, s, query, ids, decode)
	if err != nil {
		return nil, err
	}
	out := make(map[string]T, len(groups))
	for key, items := range groups {
		out[key] = items[0]
	}
	return out, nil
}

// grouped runs a query over $ids whose records have a `key` and an `item`
// map, and returns the decoded items of each key, in order.
func grouped[T any](ctx context.Context, s *Store, query string, ids []string, decode func(map[string]any) T) (map[string][]T, error) {
	out := map[string][]T{}
	if len(ids) == 0 {
		return out, nil
	}
	records, err := s.read(ctx, query, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range records {
		key, _ := r.Get("key")
		k, _ := key.(string)
		out[k] = append(out[k], decode(item(r)))
	}
	return out, nil
}

func item(r *neo4j.Record) map[string]any {
	v, _ := r.Get("item")
	return nodeProps(v)
}

// nodeProps returns the properties of a node or map value.
func nodeProps(v any) map[string]any {
	switch x := v.(type) {
	case map[string]any:
		return x
	case neo4j.Node:
		return x.Props
	}
	return map[string]any{}
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func strs(m map[string]any, key string) []string {
	list, _ := m[key].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func toInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func decodeParty(m map[string]any) facts.StoredParty {
	return facts.StoredParty{ID: str(m, "id"), Name: str(m, "name"), Kind: str(m, "kind"), Aliases: strs(m, "aliases")}
}

func decodeCase(m map[string]any) facts.StoredCase {
	return facts.StoredCase{ID: str(m, "id"), Name: str(m, "name"), Issue: str(m, "issue")}
}

func decodeCourt(m map[string]any) facts.StoredCourt {
	return facts.StoredCourt{
		ID: str(m, "id"), Name: str(m, "name"), Level: str(m, "level"), Place: str(m, "place"), Aliases: strs(m, "aliases"),
	}
}

func decodePrecedent(m map[string]any) facts.StoredPrecedent {
	return facts.StoredPrecedent{ID: str(m, "id"), Name: str(m, "name"), Kind: str(m, "kind"), Citation: str(m, "citation")}
}

func decodeArticle(m map[string]any) facts.StoredArticle {
	return facts.StoredArticle{
		ID: str(m, "id"), Title: str(m, "title"), Publisher: str(m, "publisher"), Author: str(m, "author"),
		URL: str(m, "url"), Source: str(m, "source"), PublishedAt: str(m, "publishedAt"), Extractor: str(m, "extractor"),
	}
}

func decodeSupport(m map[string]any) facts.StoredSupport {
	return facts.StoredSupport{
		ID: str(m, "id"), SupporterID: str(m, "supporterId"), SupportedID: str(m, "supportedId"),
		Via: str(m, "via"), CaseID: str(m, "caseId"), Confidence: toFloat(m["confidence"]),
	}
}

func decodeArgument(m map[string]any) facts.StoredArgument {
	return facts.StoredArgument{
		ID: str(m, "id"), Claim: str(m, "claim"), ByID: str(m, "byId"), CaseID: str(m, "caseId"),
		Confidence: toFloat(m["confidence"]),
	}
}

func decodeRuling(m map[string]any) facts.StoredRuling {
	return facts.StoredRuling{
		ID: str(m, "id"), CourtID: str(m, "courtId"), Summary: str(m, "summary"), Date: str(m, "date"),
		FavorsID: str(m, "favorsId"), CaseID: str(m, "caseId"), Confidence: toFloat(m["confidence"]),
	}
}

func decodeCaseParty(m map[string]any) facts.CaseParty {
	return facts.CaseParty{CaseID: str(m, "caseId"), PartyID: str(m, "partyId"), Side: str(m, "side")}
}

func decodeJudge(m map[string]any) facts.StoredJudge {
	return facts.StoredJudge{ID: str(m, "id"), Name: str(m, "name"), CourtID: str(m, "courtId")}
}

func decodeEvidence(m map[string]any) facts.StoredEvidence {
	return facts.StoredEvidence{
		ID: str(m, "id"), Quote: str(m, "quote"), Start: int(toInt(m["start"])), End: int(toInt(m["end"])),
		Note: str(m, "note"), ArticleID: str(m, "articleId"), Confidence: toFloat(m["confidence"]),
	}
}
