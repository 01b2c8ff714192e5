package facts

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// nameNoise are words ignored when deciding whether two names mean the same
// thing: articles and corporate suffixes.
var nameNoise = map[string]bool{
	"the": true, "inc": true, "corp": true, "corporation": true, "co": true,
	"ltd": true, "llc": true, "plc": true, "company": false, "incorporated": true,
	"limited": true, "gmbh": true, "ag": true, "sa": true, "lp": true, "llp": true,
}

// Key is the identity of a name: lower case, punctuation dropped, leading
// "the" and corporate suffixes ignored, words joined by "-". "Microsoft
// Corp." and "microsoft" share a key; "U.S. government" is "us-government".
func Key(name string) string {
	var words []string
	for _, field := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '/' || r == ','
	}) {
		word := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '§' {
				return r
			}
			return -1
		}, field)
		if word == "" || nameNoise[word] {
			continue
		}
		words = append(words, word)
	}
	return strings.Join(words, "-")
}

// ArticleID identifies an article by its normalised text, so the same
// article read twice, from a file or a URL, is one article.
func ArticleID(text string) string {
	return "a-" + digest(text)
}

// ID derives a stable identifier from a prefix and parts; used for facts
// that have no name of their own, such as an argument or a ruling.
func ID(prefix string, parts ...string) string {
	return prefix + "-" + digest(strings.Join(parts, "\x1f"))
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
