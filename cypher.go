package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// cypherCommand runs `amicus cypher`: a researcher's own query, with
// parameters, printed as a table or as JSON.
func cypherCommand(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("cypher", flag.ContinueOnError)
	var g graphFlags
	g.register(fs)
	asJSON := fs.Bool("json", false, "print the records as a JSON array of objects")
	readOnly := fs.Bool("read", false, "run as a read query (routed to a reader in a cluster)")
	var params multiFlag
	fs.Var(&params, "param", "a query parameter as name=value; the value is read as JSON when it parses, else as a string (repeatable)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{"give the query as one argument, e.g. amicus cypher 'MATCH (p:Party) RETURN p.name'"}
	}
	parameters, err := parseParams(params)
	if err != nil {
		return err
	}
	conn, err := openGraph(ctx, g, stderr, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	routing := neo4j.ExecuteQueryWithWritersRouting()
	if *readOnly {
		routing = neo4j.ExecuteQueryWithReadersRouting()
	}
	result, err := neo4j.ExecuteQuery(ctx, conn.store.Driver(), rest[0], parameters, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(conn.store.Database()), routing)
	if err != nil {
		return err
	}
	if *asJSON {
		rows := make([]map[string]any, 0, len(result.Records))
		for _, r := range result.Records {
			row := map[string]any{}
			for i, key := range r.Keys {
				row[key] = jsonValue(r.Values[i])
			}
			rows = append(rows, row)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rows)
	}
	printTable(stdout, result.Keys, result.Records)
	counters := result.Summary.Counters()
	if counters.ContainsUpdates() {
		fmt.Fprintf(stdout, "(%d nodes created, %d deleted, %d relationships created, %d deleted, %d properties set)\n",
			counters.NodesCreated(), counters.NodesDeleted(), counters.RelationshipsCreated(),
			counters.RelationshipsDeleted(), counters.PropertiesSet())
	}
	return nil
}

// parseParams reads name=value pairs.
func parseParams(params []string) (map[string]any, error) {
	out := map[string]any{}
	for _, p := range params {
		name, value, ok := strings.Cut(p, "=")
		if !ok || name == "" {
			return nil, usageError{fmt.Sprintf("--param %q: write it as name=value", p)}
		}
		var parsed any
		if err := json.Unmarshal([]byte(value), &parsed); err == nil {
			if f, isFloat := parsed.(float64); isFloat && f == float64(int64(f)) && !strings.ContainsAny(value, ".eE") {
				parsed = int64(f)
			}
			out[name] = parsed
		} else {
			out[name] = value
		}
	}
	return out, nil
}

// printTable prints records as an aligned table with a row count.
func printTable(w io.Writer, keys []string, records []*neo4j.Record) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(keys, "\t"))
	dashes := make([]string, len(keys))
	for i, k := range keys {
		dashes[i] = strings.Repeat("-", max(len(k), 3))
	}
	fmt.Fprintln(tw, strings.Join(dashes, "\t"))
	for _, r := range records {
		cells := make([]string, len(r.Values))
		for i, v := range r.Values {
			cells[i] = strings.ReplaceAll(textValue(v), "\n", " ")
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	_ = tw.Flush()
	noun := "rows"
	if len(records) == 1 {
		noun = "row"
	}
	fmt.Fprintf(w, "(%d %s)\n", len(records), noun)
}

// textValue renders a Cypher value for a table cell.
func textValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case dbtype.Node:
		return fmt.Sprintf("(:%s %s)", strings.Join(x.Labels, ":"), textValue(x.Props))
	case dbtype.Relationship:
		return fmt.Sprintf("[:%s %s]", x.Type, textValue(x.Props))
	case dbtype.Path:
		parts := make([]string, 0, len(x.Nodes))
		for _, n := range x.Nodes {
			parts = append(parts, textValue(n))
		}
		return strings.Join(parts, "-->")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = quoteIfString(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + quoteIfString(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

func quoteIfString(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return textValue(v)
}

// jsonValue turns a Cypher value into plain JSON-friendly data.
func jsonValue(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return map[string]any{"labels": x.Labels, "properties": jsonValue(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": x.Type, "properties": jsonValue(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = jsonValue(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = jsonValue(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	case nil, string, bool, int64, float64:
		return x
	}
	return fmt.Sprint(v)
}
