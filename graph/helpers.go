package graph

import (
	"context"
	"encoding/base64"

	"github.com/amicus-graph/amicus/facts"
	"github.com/vikstrous/dataloadgen"
)

// Page sizes for connections.
const (
	defaultPageSize = 20
	maxPageSize     = 100
)

// optional turns an empty string into GraphQL null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// loadOne loads the node with id, or nil when id is empty or unknown.
func loadOne[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string, idOf func(V) string) (*V, error) {
	if id == "" {
		return nil, nil
	}
	v, err := l.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if idOf(v) == "" {
		return nil, nil
	}
	return &v, nil
}

// loadRequired is loadOne for a node the schema says is always there.
func loadRequired[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string, idOf func(V) string) (*V, error) {
	v, err := loadOne(ctx, l, id, idOf)
	if err == nil && v == nil {
		return nil, facts.Errorf(facts.ECodeNotFound, "%q is not in the graph", id)
	}
	return v, err
}

func partyID(p facts.StoredParty) string     { return p.ID }
func courtID(c facts.StoredCourt) string     { return c.ID }
func caseID(c facts.StoredCase) string       { return c.ID }
func articleID(a facts.StoredArticle) string { return a.ID }

// encodeCursor makes an opaque cursor from an item's id.
func encodeCursor(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

// decodeCursor reads a cursor made by encodeCursor, given as the argument
// named arg.
func decodeCursor(arg, cursor string) (string, error) {
	id, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || len(id) == 0 {
		return "", facts.Errorf(facts.ECodeInvalid, "%s: %q is not a cursor this API gave out", arg, cursor)
	}
	return string(id), nil
}

// sided keeps the supports whose backed party is known. A support whose
// side the articles never state has no party to show as `supported`,
// which the schema requires.
func sided(supports []facts.StoredSupport) []facts.StoredSupport {
	out := make([]facts.StoredSupport, 0, len(supports))
	for _, s := range supports {
		if s.SupportedID != "" {
			out = append(out, s)
		}
	}
	return out
}
