package api

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/99designs/gqlgen/graphql/playground"
)

// PlaygroundAssetsPath is where the playground loads GraphiQL and React
// from when they are served offline.
const PlaygroundAssetsPath = "/playground-assets/"

// PlaygroundAsset is one file the offline playground needs, as its npm
// package ships it.
type PlaygroundAsset struct {
	// Package and Version name the npm package, such as graphiql 4.1.2.
	Package, Version string
	// File is the file's path inside the package.
	File string
	// Integrity is the file's Subresource Integrity hash (sha256, base64).
	Integrity string
}

// Path is where the file must be in an offline assets directory:
// PACKAGE/FILE, as `tar -xzf PACKAGE-VERSION.tgz --strip-components=1 -C
// DIR/PACKAGE` unpacks it and as `npm install` lays it out in
// node_modules.
func (a PlaygroundAsset) Path() string { return filepath.Join(a.Package, filepath.FromSlash(a.File)) }

// PlaygroundAssets are the files of GraphiQL and React that the
// playground loads, in exact versions: the ones the default playground
// loads from a CDN.
var PlaygroundAssets = []PlaygroundAsset{
	{"graphiql", "4.1.2", "graphiql.min.js", "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs="},
	{"graphiql", "4.1.2", "graphiql.min.css", "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU="},
	{"react", "18.2.0", "umd/react.production.min.js", "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY="},
	{"react-dom", "18.2.0", "umd/react-dom.production.min.js", "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc="},
}

// CheckPlaygroundAssets checks that dir holds every playground asset, in
// the right version. Its error names the first file missing or wrong and
// says how to fill dir.
func CheckPlaygroundAssets(dir string) error {
	for _, a := range PlaygroundAssets {
		path := filepath.Join(dir, a.Path())
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("offline playground assets: %s is missing: fill %s with `npm pack` %s (see the README)", path, dir, packageList())
		}
		sum := sha256.Sum256(data)
		if "sha256-"+base64.StdEncoding.EncodeToString(sum[:]) != a.Integrity {
			return fmt.Errorf("offline playground assets: %s is not %s from %s@%s", path, a.File, a.Package, a.Version)
		}
	}
	return nil
}

// packageList is the npm packages of the assets, as npm names them.
func packageList() string {
	s := ""
	seen := map[string]bool{}
	for _, a := range PlaygroundAssets {
		if name := a.Package + "@" + a.Version; !seen[name] {
			seen[name] = true
			if s != "" {
				s += " "
			}
			s += name
		}
	}
	return s
}

// offlinePlayground is the playground loading GraphiQL and React from
// PlaygroundAssetsPath, and the handler serving those files from dir.
func offlinePlayground(dir string) (page, assets http.Handler) {
	url := func(i int) string {
		return PlaygroundAssetsPath + PlaygroundAssets[i].Package + "/" + PlaygroundAssets[i].File
	}
	page = playground.Handler("Amicus", "/query",
		playground.WithGraphiqlVersion(url(0), url(1), PlaygroundAssets[0].Integrity, PlaygroundAssets[1].Integrity),
		playground.WithGraphiqlReactVersion(url(2), url(3), PlaygroundAssets[2].Integrity, PlaygroundAssets[3].Integrity),
	)
	files := map[string]string{}
	for i, a := range PlaygroundAssets {
		files[url(i)] = filepath.Join(dir, a.Path())
	}
	assets = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.ServeFile(w, r, path)
	})
	return page, assets
}
