package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteTable prints the result as a table, with each target and whether
// it was met.
func (r *Result) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Amicus bench: %d synthetic articles, seed %d, Neo4j at %s, %d CPUs\n\n", r.Articles, r.Seed, r.Neo4j, r.CPUs)
	fmt.Fprintf(tw, "LOAD\tresult\ttarget\t\n")
	fmt.Fprintf(tw, "load (extract + write)\t%.1f s\t< %.0f s %s\t\n", r.Load.Seconds, TargetLoad.Seconds(), verdict(r.Load.Seconds < TargetLoad.Seconds()))
	fmt.Fprintf(tw, "  extraction (summed over workers)\t%.1f s\t\t\n", r.Load.ExtractSeconds)
	fmt.Fprintf(tw, "  writing (batches)\t%.1f s\t\t\n", r.Load.WriteSeconds)
	fmt.Fprintf(tw, "  nodes added\t%d (%.0f nodes/s)\t\t\n", r.Load.NodesAdded, r.Load.NodesPerSec)
	fmt.Fprintf(tw, "  processor time\t%s\t\t\n", cpuLine(r.Load.CPU))
	fmt.Fprintf(tw, "  articles\t%s\t\t\n", statusLine(r.Load.Status))
	fmt.Fprintf(tw, "re-load\t%.1f s, %d added\t0 added %s\t\n", r.Reload.Seconds, r.Reload.NodesAdded+r.Reload.RelsAdded,
		verdict(r.Reload.NodesAdded == 0 && r.Reload.RelsAdded == 0))
	fmt.Fprintf(tw, "  articles\t%s\t\t\n", statusLine(r.Reload.Status))
	fmt.Fprintf(tw, "\nGRAPH\t\t\t\n")
	fmt.Fprintf(tw, "nodes\t%d\t\t\n", r.Graph.Nodes)
	fmt.Fprintf(tw, "relationships\t%d\t\t\n", r.Graph.Relationships)
	fmt.Fprintf(tw, "\nQUERIES\t\t\t\n")
	tw.Flush()

	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "queries\tserver\tclients\trequests\treq/s\tp50 ms\tp99 ms\terrors\tround trips/req\tGo CPU ms/req\tJVM CPU ms/req\ttarget\t\n")
	for _, run := range r.Runs {
		target := ""
		if run.Queries == "headline" && run.Clients == TargetClients {
			target = fmt.Sprintf("p99 < %d ms %s", TargetHeadlineP99.Milliseconds(), verdict(run.P99Ms < float64(TargetHeadlineP99.Milliseconds()) && run.Errors == 0))
		}
		trips := "n/a" // only Amicus counts them
		if run.Server == AmicusServerName {
			trips = fmt.Sprintf("%.1f", run.RoundTrips)
		}
		jvm := "n/a" // not on this machine
		if r.Memory.JVMRSS > 0 {
			jvm = fmt.Sprintf("%.2f", run.JVMCPUMs)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.0f\t%.1f\t%.1f\t%d\t%s\t%.2f\t%s\t%s\t\n", run.Queries, run.Server, run.Clients, run.Requests,
			run.PerSecond, run.P50Ms, run.P99Ms, run.Errors, trips, run.GoCPUMs, jvm, target)
	}
	tw.Flush()
	note := "  Go CPU is the bench's own process: the Amicus server and the clients"
	for _, run := range r.Runs {
		if run.Server == Neo4jGraphQLServerName {
			note += " (only the clients for " + Neo4jGraphQLServerName + ")"
			break
		}
	}
	fmt.Fprintln(w, note+".")
	for _, run := range r.Runs {
		if run.Queries == Lookup.Name {
			fmt.Fprintf(w, "  %s asks for one party's name and nothing more: the floor under any request that reads the graph on this machine.\n", Lookup.Name)
			break
		}
	}
	r.writeSideBySide(w)
	for _, run := range r.Runs {
		if len(run.ByQuery) == 0 {
			continue
		}
		var parts []string
		for _, q := range Mix {
			if l, ok := run.ByQuery[q.Name]; ok {
				parts = append(parts, fmt.Sprintf("%s %.1f/%.1f", q.Name, l.P50Ms, l.P99Ms))
			}
		}
		fmt.Fprintf(w, "  %s, %s at %d clients, p50/p99 ms by query: %s\n", run.Server, run.Queries, run.Clients, strings.Join(parts, ", "))
	}
	for _, run := range r.Runs {
		if run.FirstError != "" {
			fmt.Fprintf(w, "  first error (%s, %d clients): %s\n", run.Queries, run.Clients, run.FirstError)
		}
	}

	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nMEMORY\tresident now\tpeak\ttarget\t\n")
	fmt.Fprintf(tw, "Go process after loading\t\t%s\t< %d MB %s\t\n", mb(r.Memory.GoLoadHWM), TargetGoRSSBytes>>20,
		verdict(r.Memory.GoLoadHWM < TargetGoRSSBytes))
	fmt.Fprintf(tw, "Go process after querying\t%s\t%s\t< %d MB %s\t\n", mb(r.Memory.GoRSS), mb(r.Memory.GoHWM), TargetGoRSSBytes>>20,
		verdict(r.Memory.GoHWM < TargetGoRSSBytes))
	if r.Memory.JVMRSS > 0 {
		fmt.Fprintf(tw, "Neo4j JVM\t%s\t%s\t\t\n", mb(r.Memory.JVMRSS), mb(r.Memory.JVMHWM))
	} else {
		fmt.Fprintf(tw, "Neo4j JVM\tnot on this machine\t\t\t\n")
	}
	return tw.Flush()
}

// writeSideBySide prints, for each run that both Amicus and @neo4j/graphql
// made, how the two compare.
func (r *Result) writeSideBySide(w io.Writer) {
	type key struct {
		queries string
		clients int
	}
	theirs := map[key]QueryRun{}
	for _, run := range r.Runs {
		if run.Server == Neo4jGraphQLServerName {
			theirs[key{run.Queries, run.Clients}] = run
		}
	}
	if len(theirs) == 0 {
		return
	}
	fmt.Fprintf(w, "\nSIDE BY SIDE (same graph, same questions, same clients; Amicus / @neo4j/graphql)\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "queries\tclients\tp50 ms\tp99 ms\treq/s\tthroughput ratio\t\n")
	for _, run := range r.Runs {
		other, ok := theirs[key{run.Queries, run.Clients}]
		if run.Server != AmicusServerName || !ok {
			continue
		}
		ratio := "n/a"
		if other.PerSecond > 0 {
			ratio = fmt.Sprintf("%.2f×", run.PerSecond/other.PerSecond)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f / %.1f\t%.1f / %.1f\t%.0f / %.0f\t%s\t\n", run.Queries, run.Clients,
			run.P50Ms, other.P50Ms, run.P99Ms, other.P99Ms, run.PerSecond, other.PerSecond, ratio)
	}
	tw.Flush()
}

// cpuLine says how much processor time a load used.
func cpuLine(t CPUTime) string {
	if t.JVMSeconds > 0 {
		return fmt.Sprintf("Go %.1f s, Neo4j JVM %.1f s", t.GoSeconds, t.JVMSeconds)
	}
	return fmt.Sprintf("Go %.1f s (Neo4j not on this machine)", t.GoSeconds)
}

func verdict(ok bool) string {
	if ok {
		return "ok"
	}
	return "MISSED"
}

func mb(bytes int64) string { return fmt.Sprintf("%.0f MB", float64(bytes)/(1<<20)) }

func statusLine(status map[string]int) string {
	line := ""
	for _, s := range []string{"added", "replaced", "unchanged"} {
		if status[s] > 0 {
			if line != "" {
				line += ", "
			}
			line += fmt.Sprintf("%d %s", status[s], s)
		}
	}
	if line == "" {
		return "none"
	}
	return line
}

// DefaultDuration is how long each query run lasts when not told.
const DefaultDuration = 10 * time.Second
