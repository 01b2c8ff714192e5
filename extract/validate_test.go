package extract_test

import (
	"path/filepath"
	"testing"
)

// TestOutputsValidate checks that the document extracted from every
// example article and every seed passes facts.Document.Validate.
func TestOutputsValidate(t *testing.T) {
	var paths []string
	for _, pattern := range []string{filepath.Join(exampleDir, "*"), filepath.Join(seedDir, "*.txt")} {
		ps, _ := filepath.Glob(pattern)
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Skip("no articles")
	}
	for _, p := range paths {
		doc := extractFile(t, p)
		if err := doc.Validate(); err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
	}
}
