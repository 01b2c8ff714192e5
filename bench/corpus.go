package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The synthetic corpus: a world of parties, courts, judges, statutes and
// disputes, drawn from a seed, and articles about the disputes written
// from sentence templates, so that loading them goes through the real
// extractor. The same seed and size always give the same articles.

// Word lists the world's names are built from.
var (
	companyStems = []string{
		"Northgate", "Bluefin", "Corvane", "Halcyon", "Ironleaf", "Kestrel", "Lumora", "Meridian", "Novaris", "Orchard",
		"Pinecrest", "Quillon", "Redwater", "Silvergate", "Tidewell", "Umbra", "Valemont", "Westbrook", "Yarrow", "Zephyr",
		"Ashford", "Brightline", "Cobalt", "Driftwood", "Emberly", "Foxglove", "Granite", "Harborview", "Inkwell", "Juniper",
		"Kingsley", "Larkspur", "Mosaic", "Nimbus", "Oakhurst", "Parallax", "Quarry", "Riverton", "Stonebridge", "Trellis",
	}
	companyTrades = []string{
		"Systems", "Networks", "Health", "Logistics", "Media", "Robotics", "Energy", "Pharmaceuticals", "Software", "Telecom",
		"Capital", "Foods", "Mobility", "Analytics", "Games", "Airlines", "Biotech", "Payments", "Cloud", "Motors",
	}
	companySuffixes = []string{"Inc.", "Corp.", "Ltd.", "LLC", "Group", "Holdings"}
	firstNames      = []string{
		"Amara", "Bernard", "Celia", "Darius", "Elena", "Farid", "Greta", "Hector", "Ines", "Jonas",
		"Keiko", "Lionel", "Marisol", "Nikolai", "Odette", "Pavel", "Rosalind", "Samir", "Tamsin", "Ulrich",
		"Vera", "Wendell", "Ximena", "Yusuf", "Zora", "Anton", "Beatrix", "Cyrus", "Delphine", "Emeka",
	}
	lastNames = []string{
		"Abernathy", "Baptiste", "Castellano", "Delacroix", "Eriksen", "Fairweather", "Galloway", "Haddad", "Ivanova", "Jablonski",
		"Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo", "Pemberton", "Quintero", "Rasmussen", "Szabo", "Thornbury",
		"Underhill", "Vasquez", "Whitlock", "Yamada", "Zielinski", "Achterberg", "Brannigan", "Cavendish", "Dunmore", "Esposito",
	}
	groupTopics = []string{
		"Digital Rights", "Consumer", "Privacy", "Free Press", "Small Business", "Patient Safety", "Open Internet", "Taxpayers",
		"Civil Liberties", "Clean Air", "Fair Trade", "Workers", "Rural Broadband", "Tenants", "Retail", "Software Freedom",
		"Data Protection", "Child Safety", "Veterans", "Public Health", "Innovation", "Farmers", "Teachers", "Shipping",
	}
	groupKinds  = []string{"Association", "Coalition", "Alliance", "Foundation", "Institute", "Council", "League", "Union"}
	groupAdjs   = []string{"National", "American", "European", "Global", "Northern", "Pacific", "Atlantic", "Federal", "Citizens'", "United"}
	places      = []string{"Ohio", "Oregon", "Texas", "Vermont", "Nevada", "Georgia", "Maine", "Utah", "Iowa", "Kansas", "Montana", "Arizona", "Michigan", "Virginia", "Colorado", "Delaware"}
	cities      = []string{"Lakemont", "Brennan Falls", "Harwick", "Port Elridge", "Cedar Hollow", "Millbrook", "Ashgrove", "Fairhaven", "Stonemoor", "Riverside"}
	agencyAreas = []string{"Trade", "Transportation", "Energy", "Commerce", "Labor", "Health", "Education", "Justice", "Agriculture", "Housing"}
	commissions = []string{"Federal Trade Commission", "Federal Communications Commission", "Securities and Exchange Commission", "Consumer Product Safety Commission", "Federal Energy Regulatory Commission"}
	circuits    = []string{"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh"}
	districts   = []string{"Northern District of California", "Southern District of New York", "District of Columbia", "Eastern District of Virginia", "Western District of Texas", "District of Massachusetts", "Northern District of Illinois", "District of New Jersey"}
	foreign     = []court{
		{name: "High Court in London", level: "high"},
		{name: "Court of Appeal in London", level: "appeals"},
		{name: "UK Supreme Court", level: "supreme"},
		{name: "Court of Justice of the European Union", level: "supreme"},
		{name: "General Court of the European Union", level: "high"},
		{name: "Federal Court of Australia", level: "high"},
		{name: "Supreme Court of Canada", level: "supreme"},
		{name: "Ontario Superior Court", level: "district"},
		{name: "Delhi High Court", level: "high"},
		{name: "Supreme Court of India", level: "supreme"},
		{name: "Irish High Court", level: "high"},
		{name: "Federal Court of Justice in Karlsruhe", level: "supreme"},
	}
	lawTopics = []string{
		"Data Privacy", "Consumer Protection", "Fair Competition", "Clean Water", "Digital Services", "Open Records", "Worker Safety",
		"Biometric Information", "Telecommunications", "Food Labeling", "Drone Safety", "Student Privacy", "Online Safety", "Fair Housing",
	}
	policies = []string{
		"the licensing rule", "the data-sharing order", "the export ban", "the merger", "the pricing policy", "the surveillance program",
		"the emissions standard", "the app store rules", "the content moderation law", "the zoning ordinance", "the tax assessment",
		"the labeling requirement", "the location tracking practice", "the drone program", "the subscription terms", "the patent claims",
	}
	harms = []string{
		"violates the right to free speech", "exceeds the agency's authority", "breaks federal antitrust law", "invades the privacy of millions of users",
		"was adopted without proper notice and comment", "discriminates against out-of-state businesses", "ignores the plain text of the statute",
		"imposes costs that small firms cannot bear", "puts patients at risk", "chills legitimate research", "conflicts with an international treaty",
		"was rushed through without evidence", "deprives workers of fair wages", "harms competition in a concentrated market",
	}
	defenses = []string{
		"protects national security", "is needed to keep consumers safe", "falls squarely within the statute", "was approved after years of study",
		"is a reasonable response to fraud", "protects children online", "keeps prices low for consumers", "is required by federal law",
		"was carefully limited to emergencies", "serves an important public interest", "rests on settled precedent", "promotes innovation",
	}
	groundsList = []string{
		"the rule would drive small companies out of the market", "the practice exposes sensitive data to hackers", "the policy would chill the work of journalists",
		"patients would lose access to care", "the decision would invite foreign governments to demand data", "the ruling would upend settled business expectations",
		"the program falls hardest on low-income neighborhoods", "consumers would pay higher prices", "the law would stifle new research",
		"the order would hamper criminal investigations", "the terms leave workers without recourse", "the ban would cost thousands of jobs",
		"local governments rely on the revenue", "researchers depend on open access to the data", "the statute was meant to protect consumers",
	}
	vias   = []string{"an amicus brief", "a friend-of-the-court brief", "a joint brief", "a letter", "a statement of interest", "an open letter"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	papers = []string{"The Ledger", "Courtwatch Daily", "The Civic Record", "Metro Legal News", "The Docket Review", "Bench and Bar Weekly"}
)

// party is a litigant or supporter of the synthetic world.
type party struct {
	name  string
	short string // how later sentences refer to it
	kind  string
}

// court is a court of the synthetic world.
type court struct {
	name  string
	level string
	judge string
}

// statute is a law the disputes cite.
type statute struct {
	name     string
	citation string
}

// dispute is a case of the synthetic world: two sides of litigants, the
// courts it passes through, supporters with their grounds, the statutes
// and decisions it cites.
type dispute struct {
	sides      [2][]*party
	courts     []*court
	policy     string
	supporters []backing
	statutes   []*statute
	precedent  string
	claims     [2]string
}

// backing is a supporter's support of one side, with its grounds.
type backing struct {
	supporter *party
	side      int
	via       string
	grounds   []string
}

// World is the synthetic world a corpus is drawn from.
type World struct {
	parties   []*party
	courts    []*court
	statutes  []*statute
	disputes  []*dispute
	precedent []string
}

// NewWorld draws a world for about articles articles from seed: about one
// dispute per five articles and parties enough that most litigants and
// supporters recur only in a few disputes.
func NewWorld(seed uint64, articles int) *World {
	r := rand.New(rand.NewPCG(seed, 0x616d69637573))
	w := &World{}
	w.parties = makeParties(r, max(200, articles))
	w.courts = makeCourts(r)
	for i := 0; i < max(20, articles/40); i++ {
		topic := lawTopics[i%len(lawTopics)]
		year := 1970 + r.IntN(50)
		name := fmt.Sprintf("%s Act of %d", topic, year)
		if i < len(lawTopics) {
			name = topic + " Act"
		}
		w.statutes = append(w.statutes, &statute{name: name, citation: fmt.Sprintf("%d U.S.C. § %d", 5+r.IntN(45), 100+r.IntN(9000))})
	}
	nDisputes := max(5, articles/5)
	for i := 0; i < nDisputes; i++ {
		w.disputes = append(w.disputes, w.makeDispute(r))
	}
	for _, d := range w.disputes[:min(len(w.disputes), 300)] {
		w.precedent = append(w.precedent, fmt.Sprintf("%s v. %s", d.sides[0][0].short, d.sides[1][0].short))
	}
	return w
}

func makeParties(r *rand.Rand, n int) []*party {
	seen := map[string]bool{}
	var out []*party
	add := func(p *party) {
		if !seen[p.name] {
			seen[p.name] = true
			out = append(out, p)
		}
	}
	for tries := 0; len(out) < n && tries < n*20; tries++ {
		switch r.IntN(10) {
		case 0, 1, 2, 3:
			stem, trade := pick(r, companyStems), pick(r, companyTrades)
			add(&party{name: stem + " " + trade + " " + pick(r, companySuffixes), short: stem + " " + trade, kind: "company"})
		case 4, 5:
			first, last := pick(r, firstNames), pick(r, lastNames)
			add(&party{name: first + " " + last, short: last, kind: "person"})
		case 6, 7:
			name := pick(r, groupAdjs) + " " + pick(r, groupTopics) + " " + pick(r, groupKinds)
			add(&party{name: name, short: name, kind: "group"})
		case 8:
			if r.IntN(2) == 0 {
				place := pick(r, places)
				add(&party{name: "State of " + place, short: place, kind: "government"})
			} else {
				city := pick(r, cities)
				add(&party{name: "City of " + city, short: city, kind: "government"})
			}
		default:
			if r.IntN(2) == 0 {
				name := pick(r, commissions)
				add(&party{name: name, short: name, kind: "agency"})
			} else {
				name := "Department of " + pick(r, agencyAreas)
				add(&party{name: name, short: name, kind: "agency"})
			}
		}
	}
	return out
}

func makeCourts(r *rand.Rand) []*court {
	var out []*court
	judge := func() string { return pick(r, firstNames) + " " + pick(r, lastNames) }
	for _, d := range districts {
		out = append(out, &court{name: "U.S. District Court for the " + d, level: "district", judge: judge()})
	}
	for _, c := range circuits {
		out = append(out, &court{name: "U.S. Court of Appeals for the " + c + " Circuit", level: "appeals", judge: judge()})
	}
	out = append(out, &court{name: "U.S. Supreme Court", level: "supreme", judge: judge()})
	for _, p := range places {
		out = append(out, &court{name: p + " Supreme Court", level: "supreme", judge: judge()})
	}
	for _, f := range foreign {
		out = append(out, &court{name: f.name, level: f.level, judge: judge()})
	}
	return out
}

func (w *World) makeDispute(r *rand.Rand) *dispute {
	d := &dispute{policy: pick(r, policies)}
	litigants := 2 + r.IntN(5)
	used := map[*party]bool{}
	for i := 0; i < litigants; i++ {
		p := w.someParty(r, used)
		side := i % 2
		d.sides[side] = append(d.sides[side], p)
	}
	// Courts: a first court, and sometimes the court above it.
	first := w.courts[r.IntN(len(w.courts))]
	d.courts = append(d.courts, first)
	if r.IntN(2) == 0 {
		d.courts = append(d.courts, w.courts[r.IntN(len(w.courts))])
	}
	for i := 0; i < 1+r.IntN(5); i++ {
		b := backing{supporter: w.someParty(r, used), side: r.IntN(2), via: pick(r, vias)}
		for g := 0; g < 1+r.IntN(2); g++ {
			b.grounds = append(b.grounds, pick(r, groundsList))
		}
		d.supporters = append(d.supporters, b)
	}
	for i := 0; i < 1+r.IntN(2); i++ {
		d.statutes = append(d.statutes, w.statutes[r.IntN(len(w.statutes))])
	}
	d.claims = [2]string{pick(r, harms), pick(r, defenses)}
	return d
}

// someParty draws a party not yet in the dispute, favouring the first
// parties of the world, so that some parties appear in many disputes.
func (w *World) someParty(r *rand.Rand, used map[*party]bool) *party {
	for {
		var p *party
		if r.IntN(4) == 0 {
			p = w.parties[r.IntN(min(60, len(w.parties)))]
		} else {
			p = w.parties[r.IntN(len(w.parties))]
		}
		if !used[p] {
			used[p] = true
			return p
		}
	}
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// Article writes article i of the corpus: a report on one of the world's
// disputes, in words drawn from the seed and i.
func (w *World) Article(seed uint64, i int) (title, text string) {
	r := rand.New(rand.NewPCG(seed, uint64(i)+1))
	d := w.disputes[i%len(w.disputes)]
	a, b := d.sides[0], d.sides[1]
	c := d.courts[r.IntN(len(d.courts))]
	var s []string

	title = fmt.Sprintf("%s and %s clash over %s", a[0].short, b[0].short, strings.TrimPrefix(d.policy, "the "))
	switch r.IntN(3) {
	case 0:
		s = append(s, fmt.Sprintf("%s sued %s over %s, and the case is now before the %s.", names(a), names(b), d.policy, c.name))
	case 1:
		s = append(s, fmt.Sprintf("The %s heard arguments this week in the lawsuit that %s brought against %s over %s.", c.name, names(a), names(b), d.policy))
	default:
		s = append(s, fmt.Sprintf("%s filed a lawsuit against %s in the %s, challenging %s.", names(a), names(b), c.name, d.policy))
	}
	switch r.IntN(3) {
	case 0:
		s = append(s, fmt.Sprintf("%s argues that %s %s.", a[0].short, d.policy, d.claims[0]))
	case 1:
		s = append(s, fmt.Sprintf("Lawyers for %s contend that %s %s.", a[0].short, d.policy, d.claims[0]))
	default:
		s = append(s, fmt.Sprintf("In court papers, %s said that %s %s.", a[0].short, d.policy, d.claims[0]))
	}
	st := d.statutes[r.IntN(len(d.statutes))]
	if r.IntN(2) == 0 {
		s = append(s, fmt.Sprintf("%s also relies on the %s, %s.", a[0].short, st.name, st.citation))
	} else {
		s = append(s, fmt.Sprintf("The complaint cites the %s, %s, and the decision in %s.", st.name, st.citation, pick(r, w.precedent)))
	}
	switch r.IntN(2) {
	case 0:
		s = append(s, fmt.Sprintf("%s counters that %s %s.", b[0].short, d.policy, d.claims[1]))
	default:
		s = append(s, fmt.Sprintf("%s says that %s %s.", b[0].short, d.policy, d.claims[1]))
	}
	for n, sup := range d.supporters {
		if n > 0 && r.IntN(4) == 0 {
			continue
		}
		backed := d.sides[sup.side][0].short
		ground := sup.grounds[r.IntN(len(sup.grounds))]
		switch r.IntN(4) {
		case 0:
			s = append(s, fmt.Sprintf("%s filed %s backing %s, arguing that %s.", sup.supporter.name, sup.via, backed, ground))
		case 1:
			s = append(s, fmt.Sprintf("%s submitted %s in support of %s, warning that %s.", sup.supporter.name, sup.via, backed, ground))
		case 2:
			s = append(s, fmt.Sprintf("%s is backed by %s, which told the court that %s.", backed, sup.supporter.name, ground))
		default:
			s = append(s, fmt.Sprintf("%s sided with %s in %s, saying that %s.", sup.supporter.name, backed, sup.via, ground))
		}
	}
	if r.IntN(3) > 0 {
		winner := a[0].short
		holding := "blocked " + d.policy
		if r.IntN(2) == 0 {
			winner = b[0].short
			holding = "upheld " + d.policy
		}
		day := fmt.Sprintf("%s %d", pick(r, months), 1+r.IntN(28))
		s = append(s, fmt.Sprintf("Judge %s of the %s ruled for %s on %s and %s.", c.judge, c.name, winner, day, holding))
	}
	if r.IntN(2) == 0 {
		s = append(s, fmt.Sprintf("%s said it would appeal.", b[0].short))
	}
	byline := fmt.Sprintf("By %s %s", pick(r, firstNames), pick(r, lastNames))
	text = title + "\n\n" + byline + "\n\n" + strings.Join(paragraphs(r, s), "\n\n") + "\n\nSource: " + pick(r, papers) + "\n"
	return title, text
}

// paragraphs groups sentences into paragraphs of one to three.
func paragraphs(r *rand.Rand, sentences []string) []string {
	var out []string
	for len(sentences) > 0 {
		n := min(1+r.IntN(3), len(sentences))
		out = append(out, strings.Join(sentences[:n], " "))
		sentences = sentences[n:]
	}
	return out
}

// names lists parties in prose: "A", "A and B", "A, B and C".
func names(ps []*party) string {
	var list []string
	for _, p := range ps {
		list = append(list, p.name)
	}
	if len(list) == 1 {
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

// WriteCorpus writes n articles of the world to dir as text files and
// returns their paths.
func (w *World) WriteCorpus(seed uint64, n int, dir string) ([]string, error) {
	paths := make([]string, 0, n)
	for i := 0; i < n; i++ {
		_, text := w.Article(seed, i)
		path := filepath.Join(dir, fmt.Sprintf("article-%05d.txt", i))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
