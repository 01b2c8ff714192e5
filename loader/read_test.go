package loader

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const page = `<!doctype html>
<html><head><title>Harbor Freight Co. wins round against port authority | Tidewater Ledger</title>
<meta property="og:site_name" content="Tidewater Ledger"></head>
<body>
<nav><a href="/">Home</a> <a href="/law">Law</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Harbor Freight Co. wins round against port authority</h1>
<p class="byline">By Dana Whitlock</p>
<figure><img src="dock.jpg"><figcaption>Cranes at the east terminal. Photo: Ledger staff</figcaption></figure>
<p>Harbor Freight Co. persuaded the state appeals court on Tuesday that the port authority overstepped
when it raised berthing fees without a public hearing, a ruling the company called overdue.</p>
<p>The authority argues that the fee schedule is an internal matter. Three shipping lines filed a joint
brief backing Harbor Freight, saying the increase would push cargo to rival ports.</p>
<p>The case now returns to the trial court for a hearing on damages, according to lawyers for both sides.</p>
</article>
<footer>Share this story · © Tidewater Ledger</footer>
</body></html>`

func TestHTMLKeepsTheArticleAndDropsTheClutter(t *testing.T) {
	item, err := parse("page.html", FormatHTML, []byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	in := item.Input
	for _, want := range []string{"persuaded the state appeals court", "three shipping lines filed a joint brief"} {
		if !strings.Contains(strings.ToLower(in.Text), strings.ToLower(want)) {
			t.Errorf("the text lacks %q:\n%s", want, in.Text)
		}
	}
	for _, clutter := range []string{"Subscribe", "Cranes at the east terminal", "Share this story"} {
		if strings.Contains(in.Text, clutter) {
			t.Errorf("the text keeps page clutter %q:\n%s", clutter, in.Text)
		}
	}
	if !strings.Contains(in.Title, "Harbor Freight Co. wins round") {
		t.Errorf("title %q", in.Title)
	}
	if strings.Count(in.Text, "\n\n") < 2 {
		t.Errorf("paragraphs should be kept apart:\n%s", in.Text)
	}
}

func TestMarkdown(t *testing.T) {
	md := "# Orchard Growers sue the water board\n\n*By Lee Ambrose*\n\n" +
		"The **Orchard Growers Association** sued the [state water board](https://example.org/board) on Monday.\n\n" +
		"> The board says that the drought rules are lawful.\n\n" +
		"- first point\n- second point\n\n![a map](map.png)\n"
	in := markdownInput(md)
	if in.Title != "Orchard Growers sue the water board" {
		t.Errorf("title %q", in.Title)
	}
	for _, want := range []string{"By Lee Ambrose", "The Orchard Growers Association sued the state water board on Monday.", "The board says that the drought rules are lawful.", "first point"} {
		if !strings.Contains(in.Text, want) {
			t.Errorf("the text lacks %q:\n%s", want, in.Text)
		}
	}
	for _, syntax := range []string{"**", "](", "![", "> ", "# "} {
		if strings.Contains(in.Text, syntax) {
			t.Errorf("the text keeps Markdown syntax %q:\n%s", syntax, in.Text)
		}
	}
}

func TestReadURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(page))
		case "/plain":
			w.Header().Set("Content-Type", "text/plain")
			_, _ = w.Write([]byte("A title\n\nSome body text."))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	item, err := Read(context.Background(), srv.URL+"/story")
	if err != nil {
		t.Fatal(err)
	}
	if item.Format != FormatHTML || item.Input.URL != srv.URL+"/story" || !strings.Contains(item.Input.Text, "port authority") {
		t.Errorf("HTML page: %+v", item)
	}
	item, err = Read(context.Background(), srv.URL+"/plain")
	if err != nil || item.Format != FormatText {
		t.Errorf("plain page: %+v %v", item, err)
	}
	if _, err := Read(context.Background(), srv.URL+"/missing"); err == nil || !strings.Contains(err.Error(), srv.URL+"/missing") || !strings.Contains(err.Error(), "404") {
		t.Errorf("a missing page should fail naming the URL and the status: %v", err)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.md", "sub/c.html", "notes.pdf", ".hidden/d.txt", "e.json"} {
		path := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(path), 0o755)
		_ = os.WriteFile(path, []byte("x"), 0o644)
	}
	sources, errs := Expand([]string{dir, filepath.Join(dir, "missing.txt"), "https://example.org/a"})
	var rel []string
	for _, s := range sources {
		if r, err := filepath.Rel(dir, s); err == nil && !strings.HasPrefix(r, "..") {
			rel = append(rel, r)
		} else {
			rel = append(rel, s)
		}
	}
	if got := strings.Join(rel, ","); got != "a.md,b.txt,e.json,sub/c.html,https://example.org/a" {
		t.Errorf("sources: %s", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt") {
		t.Errorf("errors: %v", errs)
	}
}
