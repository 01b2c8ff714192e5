// Package facts is Amicus's domain model: the facts that the extractor finds
// in one article and that the store writes to the graph.
//
// A Document is what `amicus extract` prints and what `amicus load` accepts
// as JSON, so a researcher can review and correct extraction by hand.
// Facts refer to each other by name (a party's name or any of its aliases, a
// court's name), never by database identifiers, so an edited document stays
// readable. Every fact carries the evidence it was found in.
package facts

// FormatVersion is the version of the Document JSON format written by this
// build. Documents with another version are refused by Validate.
const FormatVersion = 1

// Party kinds.
const (
	KindCompany    = "company"
	KindGovernment = "government"
	KindAgency     = "agency"
	KindPerson     = "person"
	KindGroup      = "group"
)

// Precedent kinds.
const (
	PrecedentStatute = "statute"
	PrecedentCase    = "case"
)

// Sides of a dispute. A party on SideA opposes every party on SideB.
const (
	SideA = "A"
	SideB = "B"
)

// Document holds every fact extracted from one article.
type Document struct {
	// Version is the format version, FormatVersion when written by this build.
	Version int `json:"version"`
	// Extractor names what produced the facts, e.g. "rules/1" or "hand".
	Extractor  string      `json:"extractor,omitempty"`
	Article    Article     `json:"article"`
	Cases      []Case      `json:"cases"`
	Parties    []Party     `json:"parties"`
	Courts     []Court     `json:"courts"`
	Judges     []Judge     `json:"judges"`
	Precedents []Precedent `json:"precedents"`
	Arguments  []Argument  `json:"arguments"`
	Supports   []Support   `json:"supports"`
	Rulings    []Ruling    `json:"rulings"`
}

// Article is one news article. Text is the normalised text that every
// evidence offset refers to.
type Article struct {
	// ID identifies the article: derived from its text by ArticleID.
	ID          string `json:"id"`
	Title       string `json:"title"`
	Publisher   string `json:"publisher,omitempty"`
	Author      string `json:"author,omitempty"`
	URL         string `json:"url,omitempty"`
	PublishedAt string `json:"publishedAt,omitempty"`
	// Source is the file path or URL the article was read from.
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
}

// Evidence is where a fact was found: an exact quote of the article's text
// and its character (rune) offsets in Article.Text, end exclusive.
type Evidence struct {
	Quote string `json:"quote"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Note explains a choice the extractor made for this evidence, such as
	// which party "the company" was resolved to and why.
	Note string `json:"note,omitempty"`
}

// Case is one dispute: the parties on side A against those on side B.
type Case struct {
	// Name is a readable title such as "Microsoft v. U.S. government".
	Name string `json:"name"`
	// Issue is the legal question in dispute, when the article states it.
	Issue      string     `json:"issue,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Party is a litigant: a company, government, agency, person or group.
// Supporters that are not litigants are parties too, with no Side.
type Party struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
	// Case names the dispute the party litigates in, with Side; both empty
	// for parties that only back a side.
	Case       string     `json:"case,omitempty"`
	Side       string     `json:"side,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Court is a court or tribunal.
type Court struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Level is the court's place in its hierarchy ("district", "appeals",
	// "supreme", "high", ...), empty when the article does not say.
	Level string `json:"level,omitempty"`
	// Place is where it sits or what it covers ("New York", "Second
	// Circuit", "Ireland"), empty when the article does not say.
	Place      string     `json:"place,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Judge is a named judge and the court they sit on, when known.
type Judge struct {
	Name       string     `json:"name"`
	Court      string     `json:"court,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Precedent is a statute or a court decision cited in the dispute.
type Precedent struct {
	Name string `json:"name"`
	// Kind is PrecedentStatute or PrecedentCase.
	Kind string `json:"kind"`
	// Citation is the formal citation when given, such as
	// "18 U.S.C. § 2703" or "829 F.3d 197 (2d Cir. 2016)".
	Citation   string     `json:"citation,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Argument is a claim a party makes.
type Argument struct {
	// By names the party that makes the claim.
	By    string `json:"by"`
	Claim string `json:"claim"`
	// Case names the dispute the claim is made in, when known.
	Case string `json:"case,omitempty"`
	// Cites names precedents the claim relies on.
	Cites      []string   `json:"cites,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Support records that one party backed another.
type Support struct {
	// Supporter names the party that gave the support.
	Supporter string `json:"supporter"`
	// Supported names the party backed; empty when the article never says
	// which side the supporter took.
	Supported string `json:"supported,omitempty"`
	// Via is the form the support took ("amicus brief", "letter", ...), empty
	// when the article does not say.
	Via string `json:"via,omitempty"`
	// Grounds are the supporter's reasons, each an argument by the supporter.
	Grounds    []Ground   `json:"grounds,omitempty"`
	Case       string     `json:"case,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Ground is one reason a supporter gave for its support.
type Ground struct {
	Claim      string     `json:"claim"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}

// Ruling is a decision of a court.
type Ruling struct {
	// Court names the court that ruled.
	Court string `json:"court"`
	// Summary says what the court decided or ordered.
	Summary string `json:"summary"`
	// Date is as the article writes it ("July 31", "Friday"), or empty.
	Date string `json:"date,omitempty"`
	// Favors names the party the ruling favours, or is empty.
	Favors     string     `json:"favors,omitempty"`
	Case       string     `json:"case,omitempty"`
	Confidence float64    `json:"confidence"`
	Evidence   []Evidence `json:"evidence"`
}
