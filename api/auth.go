package api

import (
	"context"
	"crypto/subtle"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeUnauthenticated marks a mutation sent without the server's token.
const CodeUnauthenticated = "UNAUTHENTICATED"

// mutationToken is a gqlgen extension that lets mutations through only
// with the header `Authorization: Bearer <token>`. Queries need no token.
type mutationToken struct{ token string }

var (
	_ graphql.HandlerExtension        = mutationToken{}
	_ graphql.OperationContextMutator = mutationToken{}
)

func (mutationToken) ExtensionName() string                   { return "MutationToken" }
func (mutationToken) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks the token of a mutation before it runs.
func (m mutationToken) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil || rc.Operation.Operation != ast.Mutation {
		return nil
	}
	given, ok := strings.CutPrefix(rc.Headers.Get("Authorization"), "Bearer ")
	if ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(given)), []byte(m.token)) == 1 {
		return nil
	}
	err := gqlerror.Errorf("mutations need the header Authorization: Bearer <token>, with the server's token")
	err.Extensions = map[string]any{"code": CodeUnauthenticated}
	return err
}
