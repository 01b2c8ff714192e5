// Package web serves the case explorer: a page that shows a dispute, its
// sides, supporters, arguments, rulings and precedents, every fact with the
// quote it rests on, and a picture of the dispute as a graph.
//
// The page is plain JavaScript modules with no build step, embedded in the
// binary, so it works with no internet access. It reads the graph only
// through the public GraphQL API; its queries are all in
// static/queries.js, which doubles as an example for frontend developers.
package web

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed static
var files embed.FS

// contentSecurityPolicy lets the page load only its own files and talk
// only to its own server.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the explorer: the page at /explore (and /explore/) and
// its files under /explore/. Mount it at /explore and /explore/.
func Handler() http.Handler {
	static, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // the embedded directory is always there
	}
	assets := http.StripPrefix("/explore/", http.FileServerFS(static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		if r.URL.Path == "/explore" || r.URL.Path == "/explore/" {
			http.ServeFileFS(w, r, static, "index.html")
			return
		}
		assets.ServeHTTP(w, r)
	})
}
