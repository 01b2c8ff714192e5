package bench

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// neo4jGraphQLFiles is the small Node.js server that serves the same graph
// through @neo4j/graphql, with its exact dependency versions.
//
//go:embed neo4jgraphql/package.json neo4jgraphql/package-lock.json neo4jgraphql/server.mjs
var neo4jGraphQLFiles embed.FS

// Neo4jGraphQLServerName names the @neo4j/graphql server in the results.
const Neo4jGraphQLServerName = "@neo4j/graphql"

// GraphLogin is how a process other than Amicus reaches the graph.
type GraphLogin struct {
	URI, Username, Password, Database string
}

// Neo4jGraphQL is a running @neo4j/graphql server over the graph.
type Neo4jGraphQL struct {
	// URL is its base address; POST URL/query takes a GraphQL request.
	URL   string
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan error
}

// StartNeo4jGraphQL installs the @neo4j/graphql server's packages with npm
// into the user's cache directory (first run only), starts it with Node.js
// over the graph login names, and waits until it listens.
func StartNeo4jGraphQL(ctx context.Context, login GraphLogin, progress io.Writer) (*Neo4jGraphQL, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("the @neo4j/graphql comparison needs Node.js 20 or later: node is not on PATH (Debian: apt-get install -y nodejs npm)")
	}
	dir, err := installNeo4jGraphQL(ctx, progress)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(node, "server.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"NEO4J_URI="+login.URI, "NEO4J_USERNAME="+login.Username,
		"NEO4J_PASSWORD="+login.Password, "NEO4J_DATABASE="+login.Database)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the @neo4j/graphql server: %w", err)
	}
	s := &Neo4jGraphQL{cmd: cmd, stdin: stdin, done: make(chan error, 1)}
	listening := make(chan string, 1)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			if url, ok := strings.CutPrefix(scanner.Text(), "listening on "); ok {
				listening <- url
			}
		}
		s.done <- cmd.Wait()
	}()
	select {
	case s.URL = <-listening:
		return s, nil
	case err := <-s.done:
		return nil, fmt.Errorf("the @neo4j/graphql server stopped before it listened (%v): %s", err, tail(stderr.String(), 2000))
	case <-time.After(2 * time.Minute):
		s.Close()
		return nil, fmt.Errorf("the @neo4j/graphql server did not listen within 2 minutes: %s", tail(stderr.String(), 2000))
	case <-ctx.Done():
		s.Close()
		return nil, ctx.Err()
	}
}

// Close stops the server: it closes its input, which makes it exit, and
// kills it if it has not within five seconds.
func (s *Neo4jGraphQL) Close() {
	_ = s.stdin.Close()
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// installNeo4jGraphQL writes the server's files to a cache directory named
// after their content and runs `npm ci` there, unless an earlier run did.
// It installs into a scratch directory renamed into place when done, so an
// interrupted install is never taken for a finished one.
func installNeo4jGraphQL(ctx context.Context, progress io.Writer) (string, error) {
	files, err := fs.Sub(neo4jGraphQLFiles, "neo4jgraphql")
	if err != nil {
		return "", err
	}
	sum := sha256.New()
	err = fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, path)
		sum.Write([]byte(path))
		sum.Write(data)
		return err
	})
	if err != nil {
		return "", err
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding a cache directory for the @neo4j/graphql server: %w", err)
	}
	dir := filepath.Join(base, "amicus", "neo4j-graphql-"+hex.EncodeToString(sum.Sum(nil))[:12])
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@neo4j", "graphql", "package.json")); err == nil {
		return dir, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", errors.New("the @neo4j/graphql comparison needs npm to install its packages: npm is not on PATH (Debian: apt-get install -y npm)")
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	scratch, err := os.MkdirTemp(filepath.Dir(dir), "neo4j-graphql-install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(scratch)
	if err := os.CopyFS(scratch, files); err != nil {
		return "", err
	}
	fmt.Fprintln(progress, "installing @neo4j/graphql with npm (first run only)")
	var output bytes.Buffer
	cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund", "--omit=dev")
	cmd.Dir = scratch
	cmd.Stdout = &output
	cmd.Stderr = &output
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm ci for the @neo4j/graphql server failed (%v): %s", err, tail(output.String(), 2000))
	}
	if err := os.Rename(scratch, dir); err != nil {
		if _, statErr := os.Stat(dir); statErr == nil {
			return dir, nil // another run installed it meanwhile
		}
		return "", err
	}
	return dir, nil
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// checkSameAnswers asks both servers the headline question about the
// first litigants and fails unless they name the same supporters: the
// side-by-side only means something if both answer the same question.
func checkSameAnswers(ctx context.Context, amicusBase, otherBase string, in Inputs) error {
	client := &http.Client{Timeout: 60 * time.Second}
	defer client.CloseIdleConnections()
	for _, name := range in.Litigants[:min(5, len(in.Litigants))] {
		vars := map[string]any{"name": name}
		ours, err := post(ctx, client, amicusBase, Headline.Text, vars)
		if err != nil {
			return fmt.Errorf("amicus, headline about %q: %w", name, err)
		}
		theirs, err := post(ctx, client, otherBase, Headline.Neo4jGraphQL, vars)
		if err != nil {
			return fmt.Errorf("@neo4j/graphql, headline about %q: %w", name, err)
		}
		var a struct {
			Party struct {
				SupportersConnection struct {
					TotalCount int
					Nodes      []struct{ Supporter struct{ Name string } }
				}
			}
		}
		var b struct {
			Parties []struct {
				SupportsReceivedConnection struct {
					TotalCount int
					Edges      []struct {
						Node struct{ Supporter []struct{ Name string } }
					}
				}
			}
		}
		if err := json.Unmarshal(ours, &a); err != nil {
			return err
		}
		if err := json.Unmarshal(theirs, &b); err != nil {
			return err
		}
		if len(b.Parties) != 1 {
			return fmt.Errorf("@neo4j/graphql found %d parties named %q", len(b.Parties), name)
		}
		var ourNames, theirNames []string
		for _, n := range a.Party.SupportersConnection.Nodes {
			ourNames = append(ourNames, n.Supporter.Name)
		}
		for _, e := range b.Parties[0].SupportsReceivedConnection.Edges {
			for _, p := range e.Node.Supporter {
				theirNames = append(theirNames, p.Name)
			}
		}
		slices.Sort(ourNames)
		slices.Sort(theirNames)
		ourTotal, theirTotal := a.Party.SupportersConnection.TotalCount, b.Parties[0].SupportsReceivedConnection.TotalCount
		if ourTotal != theirTotal || ourTotal <= 20 && !slices.Equal(ourNames, theirNames) {
			return fmt.Errorf("the servers disagree about who backed %q: amicus %d %v, @neo4j/graphql %d %v",
				name, ourTotal, ourNames, theirTotal, theirNames)
		}
	}
	return nil
}
