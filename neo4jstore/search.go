package neo4jstore

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph/model"
)

// The full-text indexes that Search reads; schema creates them.
const (
	partyTextIndex    = "party_text"
	argumentTextIndex = "argument_text"
	evidenceTextIndex = "evidence_text"
)

// Search tuning.
const (
	// maxSearchWords caps how many words of the text are searched for.
	maxSearchWords = 12
	// partyWeight ranks a party whose name matches above a sentence that
	// mentions it.
	partyWeight = 2.0
	// snippetRunes is the longest snippet, in characters.
	snippetRunes = 180
)

// Search finds parties (by name and alias), claims (the grounds of
// supports included) and evidence quotes that contain every word of text,
// best first, at most first of them. The text is plain words: Lucene's
// query syntax in it is escaped, so it can neither fail nor widen the
// search. The same quote serving several facts is one hit.
func (s *Store) Search(ctx context.Context, text string, first int) ([]model.SearchHit, error) {
	query, words := luceneQuery(text)
	if query == "" || first < 1 {
		return []model.SearchHit{}, nil
	}
	records, err := s.read(ctx, `
CALL {
  CALL db.index.fulltext.queryNodes($partyIndex, $query, {limit: $limit}) YIELD node AS p, score
  RETURN 'party' AS kind, score * $partyWeight AS score, p`+partyProjection+` AS item, null AS caseItem
  UNION ALL
  CALL db.index.fulltext.queryNodes($argumentIndex, $query, {limit: $limit}) YIELD node AS a, score
  RETURN 'argument' AS kind, score, a`+argumentProjection+` AS item,
         [(a)-[:IN_CASE]->(c:Case) | c`+caseProjection+`][0] AS caseItem
  UNION ALL
  CALL db.index.fulltext.queryNodes($evidenceIndex, $query, {limit: $limit}) YIELD node AS e, score
  CALL (e) {
    OPTIONAL MATCH (f)-[r:EVIDENCED_BY]->(e)
    RETURN f AS fact, r ORDER BY r.confidence DESC, f.id LIMIT 1
  }
  RETURN 'evidence' AS kind, score,
         e{.id, .quote, .start, .end, note: r.note, confidence: r.confidence, articleId: [(e)-[:FROM]->(x:Article) | x.id][0]} AS item,
         CASE WHEN fact IS NULL THEN null
              WHEN fact:Case THEN fact`+caseProjection+`
              ELSE [(fact)-[:IN_CASE]->(c:Case) | c`+caseProjection+`][0] END AS caseItem
}
RETURN kind, score, item, caseItem
ORDER BY score DESC, kind, item.id
LIMIT $limit`, map[string]any{
		"query":         query,
		"limit":         first * 3,
		"partyWeight":   partyWeight,
		"partyIndex":    partyTextIndex,
		"argumentIndex": argumentTextIndex,
		"evidenceIndex": evidenceTextIndex,
	})
	if err != nil {
		return nil, err
	}
	hits := make([]model.SearchHit, 0, first)
	seenQuotes := map[string]bool{}
	for _, r := range records {
		if len(hits) == first {
			break
		}
		m := r.AsMap()
		kind, _ := m["kind"].(string)
		item := nodeProps(m["item"])
		hit := model.SearchHit{Kind: kind, Score: toFloat(m["score"])}
		if c, ok := m["caseItem"].(map[string]any); ok {
			stored := decodeCase(c)
			hit.Case = &stored
		}
		switch kind {
		case "party":
			p := decodeParty(item)
			hit.Party = &p
			hit.Snippet = partySnippet(p, words)
		case "argument":
			a := decodeArgument(item)
			hit.Argument = &a
			hit.Snippet = snippet(a.Claim, words)
		case "evidence":
			e := facts.StoredEvidence{
				ID: str(item, "id"), Quote: str(item, "quote"), Start: int(toInt(item["start"])), End: int(toInt(item["end"])),
				Note: str(item, "note"), ArticleID: str(item, "articleId"), Confidence: toFloat(item["confidence"]),
			}
			key := e.ArticleID + "\x00" + e.Quote
			if seenQuotes[key] {
				continue
			}
			seenQuotes[key] = true
			hit.Evidence = &e
			hit.Snippet = snippet(e.Quote, words)
		default:
			continue
		}
		hits = append(hits, hit)
	}
	return hits, nil
}

// luceneSpecial are the characters Lucene's query parser gives a meaning.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// escapeLucene escapes every character Lucene's query parser would read
// as syntax.
func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// luceneQuery turns what a user typed into a Lucene query that requires
// every word in it, and returns the words (lower case, without surrounding
// punctuation) for making snippets. Words are lower-cased, so AND, OR and
// NOT are words, not operators. A word of letters and digits only is a
// term, and the last word also a prefix ("micro" finds "Microsoft"). Any
// other word ("AT&T", "U.S.") is an escaped phrase, so it matches the
// tokens the analyser makes of it next to each other and nothing wider.
// Several words matching as a phrase rank higher. Text with no letters or
// digits gives an empty query.
func luceneQuery(text string) (string, []string) {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		core := strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) })
		if core != "" && len(words) < maxSearchWords {
			words = append(words, core)
		}
	}
	var clauses []string
	for i, w := range words {
		switch {
		case strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0:
			clauses = append(clauses, `+"`+escapeLucene(w)+`"`)
		case i == len(words)-1 && utf8.RuneCountInString(w) >= 2:
			clauses = append(clauses, "+("+w+" OR "+w+"*)")
		default:
			clauses = append(clauses, "+"+w)
		}
	}
	if len(words) > 1 {
		clauses = append(clauses, `"`+escapeLucene(strings.Join(words, " "))+`"^2`)
	}
	return strings.Join(clauses, " "), words
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// partySnippet is the party's name, with the alias that matched when the
// name itself does not contain any of the words.
func partySnippet(p facts.StoredParty, words []string) string {
	if containsAny(p.Name, words) {
		return p.Name
	}
	for _, alias := range p.Aliases {
		if containsAny(alias, words) {
			return p.Name + " (" + alias + ")"
		}
	}
	return p.Name
}

func containsAny(s string, words []string) bool {
	lower := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// snippet is text when it is short, else about snippetRunes characters
// of it around the first of the words it contains, with ellipses where it
// was cut.
func snippet(text string, words []string) string {
	runes := []rune(text)
	if len(runes) <= snippetRunes {
		return text
	}
	lower := make([]rune, len(runes))
	for i, r := range runes {
		lower[i] = unicode.ToLower(r) // one rune for one: indexes stay aligned
	}
	lowerText := string(lower)
	at := -1
	for _, w := range words {
		if i := strings.Index(lowerText, w); i >= 0 {
			if ri := utf8.RuneCountInString(lowerText[:i]); at < 0 || ri < at {
				at = ri
			}
		}
	}
	start := 0
	if at > snippetRunes/3 {
		start = at - snippetRunes/3
	}
	end := min(start+snippetRunes, len(runes))
	if end-start < snippetRunes {
		start = max(0, end-snippetRunes)
	}
	// Cut at spaces, so no word is split.
	if start > 0 {
		if i := indexRune(runes[start:end], ' '); i >= 0 && i < 20 {
			start += i + 1
		}
	}
	if end < len(runes) {
		if i := lastIndexRune(runes[start:end], ' '); i > len(runes[start:end])-20 {
			end = start + i
		}
	}
	out := strings.TrimSpace(string(runes[start:end]))
	if start > 0 {
		out = "…" + out
	}
	if end < len(runes) {
		out += "…"
	}
	return out
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}
