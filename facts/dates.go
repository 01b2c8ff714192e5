package facts

import (
	"strings"
	"time"
)

// dayLayouts are the ways articles and their pages give a publication
// date that PublicationDay understands.
var dayLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006/01/02",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Mon, 02 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05 -0700",
}

// PublicationDay reads a date as an article gives it ("2016-07-14",
// "July 14, 2016", an RFC 3339 time) and returns the calendar day as
// YYYY-MM-DD. It reports false for text that is not a full date, such as
// "Friday" or "July 14".
func PublicationDay(text string) (string, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", false
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, text); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// ValidDay reports whether text is a day written YYYY-MM-DD, as the API's
// date filters take it.
func ValidDay(text string) bool {
	_, err := time.Parse("2006-01-02", text)
	return err == nil
}
