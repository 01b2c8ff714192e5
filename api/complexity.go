package api

import (
	"github.com/amicus-graph/amicus/graph/generated"
	"github.com/amicus-graph/amicus/graph/model"
)

// Costs of list fields for the complexity limit. A field costs one point
// plus what is selected under it, multiplied by how many items it can
// return: a connection's page size (`first` or `last`, 20 when neither is
// given), search's `first`, and PlainListItems for a plain list, whose
// length the query does not bound.
const (
	// PlainListItems is how many items a plain list is counted as.
	PlainListItems = 5
	defaultPage    = 20
	defaultHits    = 10
)

// page is the number of items a connection field can return.
func page(first, last *int) int {
	switch {
	case first != nil && *first > 0:
		return *first
	case last != nil && *last > 0:
		return *last
	}
	return defaultPage
}

// listCost is what a list field of n items with this child cost costs.
func listCost(n, child int) int { return 1 + n*child }

// connection costs a connection field by its page size.
func connection(child int, first, last *int) int { return listCost(page(first, last), child) }

// plainList costs a plain list field.
func plainList(child int) int { return listCost(PlainListItems, child) }

// fieldCosts returns the per-field costs of the schema's list fields.
func fieldCosts() generated.ComplexityRoot {
	var c generated.ComplexityRoot

	c.Query.Parties = func(child int, first *int, _ *string, last *int, _ *string, _ *string, _ *model.PartyFilter) int {
		return connection(child, first, last)
	}
	c.Query.Cases = func(child int, first *int, _ *string, last *int, _ *string, _ *model.CaseFilter) int {
		return connection(child, first, last)
	}
	c.Query.Courts = func(child int, first *int, _ *string, last *int, _ *string, _ *model.CourtFilter) int {
		return connection(child, first, last)
	}
	c.Query.Precedents = func(child int, first *int, _ *string, last *int, _ *string, _ *model.PrecedentFilter) int {
		return connection(child, first, last)
	}
	c.Query.Articles = func(child int, first *int, _ *string, last *int, _ *string, _ *model.ArticleFilter) int {
		return connection(child, first, last)
	}
	c.Query.Search = func(child int, _ string, first *int) int {
		n := defaultHits
		if first != nil && *first > 0 {
			n = *first
		}
		return listCost(n, child)
	}

	c.Party.Supporters = plainList
	c.Party.Supports = plainList
	c.Party.Arguments = plainList
	c.Party.Opponents = plainList
	c.Party.Cases = plainList
	c.Party.Evidence = plainList
	c.Party.SupportersConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.SupportFilter) int {
		return connection(child, first, last)
	}
	c.Party.SupportsConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.SupportFilter) int {
		return connection(child, first, last)
	}
	c.Party.ArgumentsConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.ArgumentFilter) int {
		return connection(child, first, last)
	}
	c.Party.CasesConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.CaseFilter) int {
		return connection(child, first, last)
	}
	c.Party.EvidenceConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.EvidenceFilter) int {
		return connection(child, first, last)
	}

	c.Case.Parties = func(child int, _ *string) int { return plainList(child) }
	c.Case.Supporters = plainList
	c.Case.Arguments = plainList
	c.Case.Courts = plainList
	c.Case.Rulings = plainList
	c.Case.Precedents = plainList
	c.Case.Evidence = plainList
	c.Case.SupportersConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.SupportFilter) int {
		return connection(child, first, last)
	}
	c.Case.ArgumentsConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.ArgumentFilter) int {
		return connection(child, first, last)
	}
	c.Case.RulingsConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.RulingFilter) int {
		return connection(child, first, last)
	}
	c.Case.EvidenceConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.EvidenceFilter) int {
		return connection(child, first, last)
	}

	c.Court.Rulings = plainList
	c.Court.Judges = plainList
	c.Court.Evidence = plainList
	c.Court.RulingsConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.RulingFilter) int {
		return connection(child, first, last)
	}
	c.Precedent.Evidence = plainList
	c.Precedent.EvidenceConnection = func(child int, first *int, _ *string, last *int, _ *string, _ *model.EvidenceFilter) int {
		return connection(child, first, last)
	}
	c.Support.Grounds = plainList
	c.Support.Evidence = plainList
	c.Argument.Evidence = plainList
	c.Argument.Cites = plainList
	c.Ruling.Evidence = plainList
	return c
}
