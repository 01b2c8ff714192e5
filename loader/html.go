package loader

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/amicus-graph/amicus/extract"
	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlInput finds the article in a page (Mozilla's Readability algorithm)
// and turns it into plain text with one paragraph per block element.
func htmlInput(data []byte, pageURL string) (extract.Input, error) {
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	page, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return extract.Input{}, fmt.Errorf("the HTML cannot be parsed: %v", err)
	}
	in := extract.Input{URL: pageURL}
	article, err := readability.FromDocument(page, base)
	if err == nil && article.Node != nil {
		in.Text = blockText(article.Node)
		in.Title = strings.TrimSpace(article.Title)
		in.Author = strings.TrimSpace(article.Byline)
		in.Publisher = strings.TrimSpace(article.SiteName)
		if article.PublishedTime != nil {
			in.PublishedAt = article.PublishedTime.Format("2006-01-02")
		}
	}
	if strings.TrimSpace(in.Text) == "" {
		// Readability found no article; fall back to the page's text.
		page, _ = html.Parse(bytes.NewReader(data))
		in.Text = blockText(page)
	}
	return in, nil
}

// skipped are elements whose text is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Figcaption: true, atom.Head: true, atom.Form: true, atom.Button: true,
	atom.Svg: true, atom.Iframe: true, atom.Template: true,
}

// blocks are elements that start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Figure: true, atom.Tr: true, atom.Pre: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Main: true, atom.Dd: true, atom.Dt: true,
}

// blockText renders a node's visible text, paragraphs separated by a blank
// line and white space inside a paragraph folded.
func blockText(root *html.Node) string {
	var paragraphs []string
	var current strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(current.String()), " "); p != "" {
			paragraphs = append(paragraphs, p)
		}
		current.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && skipped[n.DataAtom] {
			return
		}
		if n.Type == html.TextNode {
			current.WriteString(n.Data)
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			flush()
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return strings.Join(paragraphs, "\n\n")
}
