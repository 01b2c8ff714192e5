package facts

import "context"

// The types below are facts as stored in the graph, each with its graph
// identifier, as the API reads them. Relations are loaded separately, in
// batches, through a Reader.

// StoredArticle is an article in the graph.
type StoredArticle struct {
	ID          string
	Title       string
	Publisher   string
	Author      string
	URL         string
	Source      string
	PublishedAt string
	Extractor   string
}

// StoredCase is a dispute in the graph.
type StoredCase struct {
	ID    string
	Name  string
	Issue string
}

// StoredParty is a party in the graph.
type StoredParty struct {
	ID      string
	Name    string
	Kind    string
	Aliases []string
}

// CaseParty is a party's place in a case.
type CaseParty struct {
	CaseID  string
	PartyID string
	Side    string
}

// StoredCourt is a court in the graph.
type StoredCourt struct {
	ID      string
	Name    string
	Level   string
	Place   string
	Aliases []string
}

// StoredJudge is a judge in the graph.
type StoredJudge struct {
	ID      string
	Name    string
	CourtID string
}

// StoredPrecedent is a statute or case cited in the graph.
type StoredPrecedent struct {
	ID       string
	Name     string
	Kind     string
	Citation string
}

// StoredArgument is a claim by a party.
type StoredArgument struct {
	ID         string
	Claim      string
	ByID       string
	CaseID     string
	Confidence float64
}

// StoredSupport is one party's backing of another. SupportedID is empty
// when the articles never say which side the supporter took.
type StoredSupport struct {
	ID          string
	SupporterID string
	SupportedID string
	Via         string
	CaseID      string
	Confidence  float64
}

// StoredRuling is a court's decision.
type StoredRuling struct {
	ID         string
	CourtID    string
	Summary    string
	Date       string
	FavorsID   string
	CaseID     string
	Confidence float64
}

// StoredEvidence is a quote from an article that a fact rests on.
type StoredEvidence struct {
	ID         string
	Quote      string
	Start      int
	End        int
	Note       string
	ArticleID  string
	Confidence float64
}

// PageRequest asks for one page of a list: the First items after the
// item with id After, or the Last items before the item with id Before.
// Exactly one of First and Last is positive.
type PageRequest struct {
	First  int
	After  string
	Last   int
	Before string
}

// Page is one page of a list.
type Page[T any] struct {
	Items []T
	// HasNext is true when items follow the page.
	HasNext bool
	// HasPrevious is true when items come before the page.
	HasPrevious bool
	// Total counts the items of the whole list.
	Total int
}

// PartyFilter selects parties. Empty fields select everything.
type PartyFilter struct {
	// NameContains keeps parties whose name or an alias contains it,
	// ignoring case.
	NameContains string
	// Kind keeps parties of this kind.
	Kind string
	// Case keeps parties to the case with this id.
	Case string
	// Side keeps parties on this side of a case (of Case, when set).
	Side string
}

// CaseFilter selects cases. Empty fields select everything.
type CaseFilter struct {
	// NameContains keeps cases whose name contains it, ignoring case.
	NameContains string
	// Party keeps cases the party with this id litigates in.
	Party string
	// Court keeps cases heard in the court with this id.
	Court string
	// PublishedAfter and PublishedBefore (YYYY-MM-DD, inclusive) keep
	// cases described by an article published in the range.
	PublishedAfter, PublishedBefore string
}

// CourtFilter selects courts. Empty fields select everything.
type CourtFilter struct {
	// NameContains keeps courts whose name or an alias contains it,
	// ignoring case.
	NameContains string
	// Level keeps courts at this level of the hierarchy.
	Level string
}

// PrecedentFilter selects precedents. Empty fields select everything.
type PrecedentFilter struct {
	// NameContains keeps precedents whose name or citation contains it,
	// ignoring case.
	NameContains string
	// Kind keeps statutes or cases.
	Kind string
}

// ArticleFilter selects articles. Empty fields select everything.
type ArticleFilter struct {
	// PublishedAfter and PublishedBefore (YYYY-MM-DD, inclusive) keep
	// articles published in the range.
	PublishedAfter, PublishedBefore string
	// Publisher keeps articles whose publisher contains it, ignoring case.
	Publisher string
}

// Reader reads the graph for the API. List methods return facts in a
// stable order. Batch methods take many keys and answer with one graph
// round trip, keyed by the ids asked for; ids with nothing found are
// absent from the map.
type Reader interface {
	PartyByName(ctx context.Context, name string) (*StoredParty, error)
	Parties(ctx context.Context, filter PartyFilter, page PageRequest) (Page[StoredParty], error)
	Cases(ctx context.Context, filter CaseFilter, page PageRequest) (Page[StoredCase], error)
	Courts(ctx context.Context, filter CourtFilter, page PageRequest) (Page[StoredCourt], error)
	Precedents(ctx context.Context, filter PrecedentFilter, page PageRequest) (Page[StoredPrecedent], error)
	Articles(ctx context.Context, filter ArticleFilter, page PageRequest) (Page[StoredArticle], error)
	// NodeByID reads any fact by its id, or returns nil.
	NodeByID(ctx context.Context, id string) (Node, error)

	PartiesByID(ctx context.Context, ids []string) (map[string]StoredParty, error)
	CourtsByID(ctx context.Context, ids []string) (map[string]StoredCourt, error)
	CasesByID(ctx context.Context, ids []string) (map[string]StoredCase, error)
	ArticlesByID(ctx context.Context, ids []string) (map[string]StoredArticle, error)

	// SupportsBySupported lists, per party, who backed it.
	SupportsBySupported(ctx context.Context, partyIDs []string) (map[string][]StoredSupport, error)
	// SupportsBySupporter lists, per party, whom it backed.
	SupportsBySupporter(ctx context.Context, partyIDs []string) (map[string][]StoredSupport, error)
	// SupportsByCase lists, per case, every support given in it.
	SupportsByCase(ctx context.Context, caseIDs []string) (map[string][]StoredSupport, error)
	ArgumentsByParty(ctx context.Context, partyIDs []string) (map[string][]StoredArgument, error)
	ArgumentsByCase(ctx context.Context, caseIDs []string) (map[string][]StoredArgument, error)
	GroundsBySupport(ctx context.Context, supportIDs []string) (map[string][]StoredArgument, error)
	OpponentsByParty(ctx context.Context, partyIDs []string) (map[string][]StoredParty, error)
	CasesByParty(ctx context.Context, partyIDs []string) (map[string][]StoredCase, error)
	PartiesByCase(ctx context.Context, caseIDs []string) (map[string][]CaseParty, error)
	RulingsByCourt(ctx context.Context, courtIDs []string) (map[string][]StoredRuling, error)
	RulingsByCase(ctx context.Context, caseIDs []string) (map[string][]StoredRuling, error)
	CourtsByCase(ctx context.Context, caseIDs []string) (map[string][]StoredCourt, error)
	JudgesByCourt(ctx context.Context, courtIDs []string) (map[string][]StoredJudge, error)
	PrecedentsByArgument(ctx context.Context, argumentIDs []string) (map[string][]StoredPrecedent, error)
	PrecedentsByCase(ctx context.Context, caseIDs []string) (map[string][]StoredPrecedent, error)
	// EvidenceByFact lists, per fact id (of any kind), its evidence.
	EvidenceByFact(ctx context.Context, factIDs []string) (map[string][]StoredEvidence, error)
}

// LoadStatus says what loading one article did to the graph.
type LoadStatus string

// Load statuses.
const (
	// LoadAdded: the article was new and its facts were written.
	LoadAdded LoadStatus = "added"
	// LoadReplaced: the article was in the graph with other facts; its
	// facts were replaced.
	LoadReplaced LoadStatus = "replaced"
	// LoadUnchanged: the article was in the graph with the same facts.
	LoadUnchanged LoadStatus = "unchanged"
)

// LoadResult reports the writing of one document.
type LoadResult struct {
	ArticleID string
	Status    LoadStatus
	// Facts counts the facts written by kind ("parties", "supports", ...).
	Facts map[string]int
}

// Writer writes documents to the graph. WriteDocument writes one article's
// facts in one transaction: afterwards the article is in the graph whole,
// or, on error, the graph is as it was.
type Writer interface {
	WriteDocument(ctx context.Context, doc Document) (LoadResult, error)
}

// Editor changes the graph on a researcher's instruction.
type Editor interface {
	// MergeParties makes merge part of keep, keeping every piece of
	// evidence, and returns the kept party.
	MergeParties(ctx context.Context, keep, merge string) (StoredParty, error)
}

// Node is a stored fact with an id that is unique across the whole graph;
// the id's prefix says what kind of fact it is.
type Node interface {
	// NodeID returns the fact's id.
	NodeID() string
}

// NodeID returns the article's id.
func (a StoredArticle) NodeID() string { return a.ID }

// NodeID returns the case's id.
func (c StoredCase) NodeID() string { return c.ID }

// NodeID returns the party's id.
func (p StoredParty) NodeID() string { return p.ID }

// NodeID returns the court's id.
func (c StoredCourt) NodeID() string { return c.ID }

// NodeID returns the judge's id.
func (j StoredJudge) NodeID() string { return j.ID }

// NodeID returns the precedent's id.
func (p StoredPrecedent) NodeID() string { return p.ID }

// NodeID returns the argument's id.
func (a StoredArgument) NodeID() string { return a.ID }

// NodeID returns the support's id.
func (s StoredSupport) NodeID() string { return s.ID }

// NodeID returns the ruling's id.
func (r StoredRuling) NodeID() string { return r.ID }
