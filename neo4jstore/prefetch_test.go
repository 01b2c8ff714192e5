package neo4jstore_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/facts"
)

// everything selects every relation of the read model below a fact of
// type t, depth levels deep.
func everything(t string, depth int) []facts.Selection {
	if depth == 0 {
		return nil
	}
	var out []facts.Selection
	for key, child := range facts.Relations {
		if len(key) > len(t) && key[:len(t)+1] == t+"." {
			out = append(out, facts.Selection{Field: key[len(t)+1:], Below: everything(child, depth-1)})
		}
	}
	return out
}

// TestPrefetchMatchesBatchReads reads every relation below every party in
// one prefetch and checks that each list is what the batch method for
// that relation reads, in the same order, in one round trip.
func TestPrefetchMatchesBatchReads(t *testing.T) {
	ctx := context.Background()
	ids := fixtureParties(t)
	counted, trips := store.CountRoundTrips(ctx)
	// Every relation, reached without selecting everything everywhere.
	below := everything("Party", 2)
	for i := range below {
		if below[i].Field == "cases" {
			below[i].Below = []facts.Selection{
				{Field: "courts", Below: everything("Court", 2)},
				{Field: "rulings", Below: everything("Ruling", 1)},
				{Field: "precedents", Below: everything("Precedent", 1)},
				{Field: "parties", Below: []facts.Selection{{Field: "party", Below: everything("Party", 1)}}},
				{Field: "supporters"}, {Field: "arguments"}, {Field: "evidence"},
			}
		}
	}
	began := time.Now()
	fetched, err := store.Prefetch(counted, "Party", ids, below)
	t.Logf("prefetching %d relations below %d parties took %s", countSelections(below), len(ids), time.Since(began))
	if err != nil {
		t.Fatal(err)
	}
	if n := trips(); n != 1 {
		t.Errorf("the prefetch took %d round trips, want 1", n)
	}

	batch := map[string]func(context.Context, []string) (any, error){
		"Party.supporters":   wrap(store.SupportsBySupported),
		"Party.supports":     wrap(store.SupportsBySupporter),
		"Party.arguments":    wrap(store.ArgumentsByParty),
		"Party.opponents":    wrap(store.OpponentsByParty),
		"Party.cases":        wrap(store.CasesByParty),
		"Party.evidence":     wrap(store.EvidenceByFact),
		"Case.parties":       wrap(store.PartiesByCase),
		"Case.supporters":    wrap(store.SupportsByCase),
		"Case.arguments":     wrap(store.ArgumentsByCase),
		"Case.courts":        wrap(store.CourtsByCase),
		"Case.rulings":       wrap(store.RulingsByCase),
		"Case.precedents":    wrap(store.PrecedentsByCase),
		"Case.evidence":      wrap(store.EvidenceByFact),
		"Court.rulings":      wrap(store.RulingsByCourt),
		"Court.judges":       wrap(store.JudgesByCourt),
		"Court.evidence":     wrap(store.EvidenceByFact),
		"Precedent.evidence": wrap(store.EvidenceByFact),
		"Support.grounds":    wrap(store.GroundsBySupport),
		"Support.evidence":   wrap(store.EvidenceByFact),
		"Argument.cites":     wrap(store.PrecedentsByArgument),
		"Argument.evidence":  wrap(store.EvidenceByFact),
		"Ruling.evidence":    wrap(store.EvidenceByFact),
	}
	checked := 0
	for key, lists := range fetched.Lists {
		read, ok := batch[key]
		if !ok {
			t.Errorf("no batch method to compare %s with", key)
			continue
		}
		for parent, list := range lists {
			want, err := read(ctx, []string{parent})
			if err != nil {
				t.Fatal(err)
			}
			got := reflect.ValueOf(list)
			w := reflect.ValueOf(want).MapIndex(reflect.ValueOf(parent))
			if !w.IsValid() {
				if got.Len() != 0 {
					t.Errorf("%s of %s: prefetched %v, the batch read finds nothing", key, parent, list)
				}
				continue
			}
			if !reflect.DeepEqual(list, w.Interface()) {
				t.Errorf("%s of %s:\nprefetched %+v\nbatch read %+v", key, parent, list, w.Interface())
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d non-empty lists compared: the fixture should reach every relation", checked)
	}
	for _, key := range []string{"Party.supporters", "Case.parties", "Court.rulings", "Support.grounds", "Argument.cites", "Ruling.evidence"} {
		if len(fetched.Lists[key]) == 0 {
			t.Errorf("nothing prefetched for %s", key)
		}
	}
	if len(fetched.Parties) < 4 || len(fetched.Articles) != 2 || len(fetched.Courts) != 1 || len(fetched.Cases) == 0 {
		t.Errorf("facts by id: %d parties, %d articles, %d courts, %d cases", len(fetched.Parties), len(fetched.Articles), len(fetched.Courts), len(fetched.Cases))
	}
}

// fixtureParties writes the prefetch tests' two articles into an empty
// graph and returns the ids of all the parties.
func fixtureParties(t *testing.T) []string {
	t.Helper()
	wipe(t)
	write(t, dispute().doc)
	write(t, placeOnly().doc)
	page, err := store.Parties(context.Background(), facts.PartyFilter{}, facts.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range page.Items {
		ids = append(ids, p.ID)
	}
	return ids
}

// wrap makes a batch method comparable with the others.
func wrap[V any](read func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) (any, error) {
	return func(ctx context.Context, ids []string) (any, error) { return read(ctx, ids) }
}

func countSelections(selections []facts.Selection) int {
	n := len(selections)
	for _, s := range selections {
		n += countSelections(s.Below)
	}
	return n
}

// TestPrefetchPagesMatchBatchReads reads the first page of every relation
// that can be paged in the prefetch, and checks each page against the
// first items of the whole list the batch method reads (without the
// supports the API drops for having no supported party), and its total
// against the whole list's length.
func TestPrefetchPagesMatchBatchReads(t *testing.T) {
	ctx := context.Background()
	ids := fixtureParties(t)
	batch := map[string]func(context.Context, []string) (any, error){
		"Party.supporters": wrap(store.SupportsBySupported),
		"Party.supports":   wrap(store.SupportsBySupporter),
		"Party.arguments":  wrap(store.ArgumentsByParty),
		"Party.cases":      wrap(store.CasesByParty),
		"Case.supporters":  wrap(store.SupportsByCase),
		"Case.arguments":   wrap(store.ArgumentsByCase),
	}
	for key := range facts.PagedRelations {
		if batch[key] == nil {
			t.Errorf("no batch method to compare the paged relation %s with", key)
		}
	}
	for _, limit := range []int{1, 2, 50} {
		below := []facts.Selection{
			{Field: "supporters", Limit: limit, Below: []facts.Selection{{Field: "supporter"}}},
			{Field: "supports", Limit: limit},
			{Field: "arguments", Limit: limit},
			{Field: "cases", Limit: limit, Below: []facts.Selection{
				{Field: "supporters", Limit: limit}, {Field: "arguments", Limit: limit},
			}},
		}
		counted, trips := store.CountRoundTrips(ctx)
		fetched, err := store.Prefetch(counted, "Party", ids, below)
		if err != nil {
			t.Fatal(err)
		}
		if n := trips(); n != 1 {
			t.Errorf("the prefetch took %d round trips, want 1", n)
		}
		if len(fetched.Lists["Party.supporters"]) != 0 {
			t.Errorf("a paged relation was also read whole")
		}
		compared, cut := 0, 0
		for key, read := range batch {
			pages := fetched.Pages[facts.PageKey(key, limit)]
			if len(pages) == 0 {
				t.Errorf("limit %d: no pages of %s", limit, key)
			}
			for parent, got := range pages {
				all, err := read(ctx, []string{parent})
				if err != nil {
					t.Fatal(err)
				}
				whole := reflect.ValueOf(all).MapIndex(reflect.ValueOf(parent))
				var list []any
				if whole.IsValid() {
					for i := 0; i < whole.Len(); i++ {
						item := whole.Index(i).Interface()
						if s, ok := item.(facts.StoredSupport); ok && (key == "Party.supports" || key == "Case.supporters") && s.SupportedID == "" {
							continue // the API drops supports with no supported party
						}
						list = append(list, item)
					}
				}
				items := reflect.ValueOf(got.Items)
				if got.Total != len(list) {
					t.Errorf("limit %d, %s of %s: total %d, the whole list has %d", limit, key, parent, got.Total, len(list))
				}
				if want := min(limit, len(list)); items.Len() != want {
					t.Errorf("limit %d, %s of %s: %d items, want %d", limit, key, parent, items.Len(), want)
					continue
				}
				for i := 0; i < items.Len(); i++ {
					if !reflect.DeepEqual(items.Index(i).Interface(), list[i]) {
						t.Errorf("limit %d, %s of %s, item %d:\npage  %+v\nwhole %+v", limit, key, parent, i, items.Index(i).Interface(), list[i])
					}
				}
				compared++
				if len(list) > limit {
					cut++
				}
			}
		}
		if compared < 10 || limit == 1 && cut == 0 {
			t.Errorf("limit %d: %d pages compared, %d cut short: the fixture should reach every paged relation with longer lists", limit, compared, cut)
		}
	}
}

// TestPrefetchPartyByNameMatchesTwoReads finds parties by name, in any
// case, and by alias, with everything below them read in the same query,
// and checks the party and every list against PartyByName followed by
// Prefetch, in one round trip instead of two. A name no party has finds
// nothing.
func TestPrefetchPartyByNameMatchesTwoReads(t *testing.T) {
	ctx := context.Background()
	fixtureParties(t)
	below := everything("Party", 2)
	for i := range below {
		if below[i].Field == "supporters" {
			below[i].Limit = 1 // a first page too
		}
	}
	for _, name := range []string{"Northwind", "NORTHWIND LTD.", "bluebird", "Ministry of Trade"} {
		party, fetched, err := store.PrefetchPartyByName(ctx, name, below)
		if err != nil {
			t.Fatal(err)
		}
		want, err := store.PartyByName(ctx, name)
		if err != nil || want == nil || party == nil {
			t.Fatalf("%q: found %+v in one query and %+v (%v) alone", name, party, want, err)
		}
		if !reflect.DeepEqual(*party, *want) {
			t.Errorf("%q: found %+v in one query, %+v alone", name, *party, *want)
		}
		wantFetched, err := store.Prefetch(ctx, "Party", []string{want.ID}, below)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fetched, wantFetched) {
			t.Errorf("%q: the relations read in one query differ from the prefetch's:\n%+v\n%+v", name, fetched, wantFetched)
		}
		if len(fetched.Lists) == 0 || len(fetched.Pages) == 0 {
			t.Errorf("%q: nothing was read below the party: %+v", name, fetched)
		}
	}
	counted, trips := store.CountRoundTrips(ctx)
	if _, _, err := store.PrefetchPartyByName(counted, "Northwind", below); err != nil {
		t.Fatal(err)
	}
	if n := trips(); n != 1 {
		t.Errorf("finding a party and reading below it took %d round trips, want 1", n)
	}
	party, fetched, err := store.PrefetchPartyByName(ctx, "Nobody Of That Name", below)
	if err != nil || party != nil || len(fetched.Lists) != 0 {
		t.Errorf("an unknown name found %+v, %+v, %v", party, fetched, err)
	}
}
