package api

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit is a gqlgen extension that refuses operations whose
// selections nest deeper than max, counting through fragments.
type depthLimit struct{ max int }

var (
	_ graphql.HandlerExtension        = depthLimit{}
	_ graphql.OperationContextMutator = depthLimit{}
)

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation before it runs.
func (d depthLimit) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(rc.Operation.SelectionSet, rc.Doc.Fragments, map[string]bool{}); depth > d.max {
		err := gqlerror.Errorf("the query nests %d levels deep, more than the %d allowed", depth, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// selectionDepth is how many levels of fields a selection set nests.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList, visiting map[string]bool) int {
	deepest := 0
	for _, selection := range set {
		depth := 0
		switch s := selection.(type) {
		case *ast.Field:
			depth = 1 + selectionDepth(s.SelectionSet, fragments, visiting)
		case *ast.InlineFragment:
			depth = selectionDepth(s.SelectionSet, fragments, visiting)
		case *ast.FragmentSpread:
			if visiting[s.Name] {
				continue // a cycle; validation reports it
			}
			if def := fragments.ForName(s.Name); def != nil {
				visiting[s.Name] = true
				depth = selectionDepth(def.SelectionSet, fragments, visiting)
				delete(visiting, s.Name)
			}
		default:
			panic(fmt.Sprintf("unknown selection %T", selection))
		}
		deepest = max(deepest, depth)
	}
	return deepest
}
