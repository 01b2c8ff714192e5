package facts

import "testing"

func TestPublicationDay(t *testing.T) {
	for text, want := range map[string]string{
		"2016-07-14":                    "2016-07-14",
		"2016-07-14T09:30:00Z":          "2016-07-14",
		"July 14, 2016":                 "2016-07-14",
		"Jul. 4, 2016":                  "2016-07-04",
		"14 July 2016":                  "2016-07-14",
		" 2016/07/14 ":                  "2016-07-14",
		"Thursday, July 14, 2016":       "2016-07-14",
		"Thu, 14 Jul 2016 09:30:00 GMT": "2016-07-14",
		"July 14":                       "",
		"Friday":                        "",
		"":                              "",
		"2016-13-40":                    "",
	} {
		got, ok := PublicationDay(text)
		if got != want || ok != (want != "") {
			t.Errorf("PublicationDay(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	if !ValidDay("2020-02-29") || ValidDay("2021-02-29") || ValidDay("Feb 1, 2020") {
		t.Error("ValidDay accepts or refuses the wrong days")
	}
}
