package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph/model"
)

// loadArticle runs Mutation.loadArticle: the article goes through the
// loading pipeline, and the result is read back from the graph.
func (r *Resolver) loadArticle(ctx context.Context, input model.ArticleInput) (*model.LoadResult, error) {
	if r.Load == nil {
		return nil, facts.Errorf(facts.ECodeInvalid, "this server does not load articles")
	}
	if strings.TrimSpace(input.Title) == "" || strings.TrimSpace(input.Text) == "" {
		return nil, facts.Errorf(facts.ECodeInvalid, "an article needs a title and a text")
	}
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	result, err := r.Load(ctx, extract.Input{
		Source: "graphql:loadArticle", Title: input.Title, Text: input.Text, URL: deref(input.URL),
		Publisher: deref(input.Publisher), Author: deref(input.Author), PublishedAt: deref(input.PublishedAt),
	})
	if err != nil {
		return nil, err
	}
	articles, err := r.Reader.ArticlesByID(ctx, []string{result.ArticleID})
	if err != nil {
		return nil, err
	}
	article, ok := articles[result.ArticleID]
	if !ok {
		return nil, facts.Errorf(facts.ECodeNotFound, "the article was written but cannot be read back")
	}
	out := &model.LoadResult{Article: &article, Status: string(result.Status), Facts: []model.FactCount{}}
	kinds := make([]string, 0, len(result.Facts))
	for kind := range result.Facts {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		out.Facts = append(out.Facts, model.FactCount{Kind: kind, Count: result.Facts[kind]})
	}
	return out, nil
}

// mergeParties runs Mutation.mergeParties.
func (r *Resolver) mergeParties(ctx context.Context, keep, merge string) (*facts.StoredParty, error) {
	if r.Editor == nil {
		return nil, facts.Errorf(facts.ECodeInvalid, "this server does not change parties")
	}
	party, err := r.Editor.MergeParties(ctx, keep, merge)
	if err != nil {
		return nil, err
	}
	return &party, nil
}
