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
	wipe(t)
	write(t, dispute().doc)
	write(t, placeOnly().doc)
	ctx := context.Background()
	page, err := store.Parties(ctx, facts.PartyFilter{}, facts.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range page.Items {
		ids = append(ids, p.ID)
	}
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
