package extract

import "strings"

// This file holds the vocabulary the rules use: generic legal and news
// language only, never the names of particular companies, people or cases.

// countryTable maps the ways an article names a country or its people to
// the short name used for its government ("U.S." -> "U.S. government").
var countryTable = map[string]string{
	"U.S.": "U.S.", "US": "U.S.", "United States": "U.S.", "American": "U.S.", "America": "U.S.",
	"UK": "UK", "U.K.": "UK", "United Kingdom": "UK", "British": "UK", "Britain": "UK",
	"Irish": "Irish", "Ireland": "Irish", "French": "French", "France": "French",
	"German": "German", "Germany": "German", "Canadian": "Canadian", "Canada": "Canadian",
	"Australian": "Australian", "Australia": "Australian", "Indian": "Indian", "India": "Indian",
	"Chinese": "Chinese", "China": "Chinese", "Japanese": "Japanese", "Japan": "Japanese",
	"Dutch": "Dutch", "Netherlands": "Dutch", "Italian": "Italian", "Italy": "Italian",
	"Spanish": "Spanish", "Spain": "Spanish", "Korean": "South Korean", "South Korean": "South Korean",
	"Brazilian": "Brazilian", "Brazil": "Brazilian", "Swedish": "Swedish", "Belgian": "Belgian",
	"Mexican": "Mexican", "Russian": "Russian", "Swiss": "Swiss", "Polish": "Polish", "Danish": "Danish",
	"EU": "EU", "European": "EU",
}

// countryNames are the countries that may be parties (the United States
// is the government of its disputes instead).
var countryNames = setOf("Ireland", "United Kingdom", "Britain", "France", "Germany", "Canada", "Australia",
	"India", "China", "Japan", "Netherlands", "Italy", "Spain", "Brazil", "Denmark", "Belgium", "Sweden",
	"Poland", "Austria", "Portugal", "Greece", "Finland", "Norway", "Luxembourg", "Hungary", "Mexico",
	"South Korea", "Switzerland", "Israel", "Russia")

// placePrepositions before a country make it a place, not a party.
var placePrepositions = setOf("in", "from", "to", "across", "outside", "throughout", "near", "within", "into",
	"at", "of", "over", "around", "between", "beyond", "inside", "toward", "towards", "on")

// usSignals are words that show an article is about the U.S.: a generic
// "the government" then means the U.S. government.
var usSignals = `\b(?:U\.S\.|US|United States|American|federal|Justice Department|Department of Justice|Congress|Supreme Court|Circuit|District Court|district court|[A-Z][a-z]+ administration)\b`

// governmentRefs are generic references to the government side of a
// dispute (prosecutors, the Justice Department, "the Obama
// administration"); they resolve to the national government party.
var governmentRefs = `(?:(?:the|The) )?(?:(?:U\.S\.|US|United States|American|federal|Federal|state|State) )?` +
	`(?:government|Government|prosecutors|Prosecutors|Justice Department|Department of Justice|DOJ|Solicitor General|` +
	`administration|Administration|attorneys? general|investigators|Investigators|authorities|Authorities|` +
	`(?:U\.S\. |federal |government |administration |Justice Department )officials|` +
	`[A-Z][a-z]+ [Aa]dministration)`

// nationalGovernment matches "the Irish government": a government named by
// its country, which is a party of its own unless it is the dispute's.
var nationalGovernment = `(?:(?:the|The) )?(?P<country>[A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?) government`

// descriptiveHeads are the nouns of descriptive references to a company
// ("the software giant", "the company", the tabloid "the search biz").
var descriptiveHeads = []string{
	"giant", "company", "firm", "biz", "maker", "corporation", "retailer", "carrier",
	"provider", "platform", "network", "startup", "conglomerate", "titan", "behemoth",
	"outfit", "operator", "developer", "manufacturer", "chipmaker", "automaker", "insurer",
	"broadcaster", "airline", "publisher", "tech company", "tech firm", "group",
}

// roleNouns name a party by its role or kind ("the agency", "the city",
// "the fund"): such a reference resolves to the one litigant whose name
// contains the noun, or whose kind the noun names.
var roleNouns = []string{"agency", "agencies", "bureau", "commission", "board", "regulator", "department",
	"city", "county", "state", "clinic", "fund", "foundation", "family", "alliance", "union", "association",
	"institute", "center", "council", "coalition", "organization", "university", "school", "hospital", "club",
	"authority", "league", "guild", "cooperative", "forum", "corps", "society", "trust",
	"library", "museum", "church", "charity", "nonprofit", "committee", "federation", "town", "village",
	"township", "district", "tribe", "nation", "province", "municipality", "ministry", "newspaper", "bank"}

// roleNounForms are the role nouns and their plurals.
var roleNounForms = func() []string {
	var out []string
	for _, n := range roleNouns {
		out = append(out, n)
		if strings.HasSuffix(n, "y") {
			out = append(out, n[:len(n)-1]+"ies")
		} else if !strings.HasSuffix(n, "s") {
			out = append(out, n+"s")
		}
	}
	return out
}()

// agencyRoles are the role nouns of government agencies.
var agencyRoles = setOf("agency", "bureau", "commission", "board", "regulator", "department")

// orgSuffixes mark a name as a company's.
var orgSuffixes = setOf("Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.",
	"LLC", "LLP", "plc", "PLC", "BV", "B.V.", "SE", "SAS", "SpA", "S.p.A.", "Pty", "Limited", "GmbH", "AG", "SA", "S.A.", "NV", "N.V.", "Holdings", "Group",
	"Technologies", "Systems", "Labs", "Games", "Bank", "Airlines", "Motors", "Pharmaceuticals",
	"Industries", "Enterprises", "Partners", "Capital", "Communications", "Networks", "Media",
	"Entertainment", "Software", "Electronics", "Platforms")

// groupWords mark a name as an association, union, foundation or coalition.
var groupWords = setOf("Foundation", "Union", "Association", "Institute", "Center", "Centre",
	"Council", "Alliance", "Coalition", "Society", "Committee", "League", "Federation",
	"Chamber", "Network", "Project", "Forum", "Fund", "Trust", "Campaign", "Initiative",
	"Clinic", "Caucus", "Guild", "Organization", "Organisation", "College", "Academy", "Order",
	"Cooperative", "Co-operative", "Collective", "Society", "Corps", "Guild")

// agencyWords mark a name as a government agency.
var agencyWords = setOf("Department", "Commission", "Agency", "Bureau", "Authority", "Office",
	"Ministry", "Board", "Administration", "Service", "Regulator", "Inspectorate", "Directorate")

// governmentUnits open the formal names of governments: "City of X",
// "State of X".
var governmentUnits = setOf("City", "County", "State", "Town", "Township", "Village", "Borough",
	"Municipality", "Commonwealth", "Republic", "Kingdom", "Province", "Principality")

// personTitles precede a person's name.
var personTitles = setOf("Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Senator", "Rep.", "President",
	"Governor", "Gov.", "Attorney", "General", "Secretary", "Chief", "Executive", "CEO",
	"Commissioner", "Chairman", "Chairwoman", "Chair", "Prof.", "Professor")

// officeWords are offices that, with personTitles, may stand before a
// person's name ("District Attorney", "Solicitor General").
var officeWords = setOf("Senator", "Sen.", "Rep.", "Representative", "Attorney", "Solicitor", "General",
	"Mayor", "Sheriff", "Minister", "Chancellor", "Commissioner", "Governor", "Gov.", "Secretary", "Advocate",
	"Ambassador", "Founder", "Co-founder", "CEO", "Chairman", "Chairwoman", "Director", "Prosecutor")

// statuteHeads end the name of a statute or other written law.
var statuteHeads = `(?:Act|Amendment|Code|Regulations|Regulation|Directive|Convention|Treaty|Charter|Statute|Ordinance|Rule|Constitution|Clause)`

// placeWords are continents, unions and countries: never parties, but
// they can be where a court sits. Cities, regions and states are not
// listed: a capitalised name after "in" is taken for a place (see
// placeContext), and a state that sues is a party.
var placeWords = setOf(
	"Europe", "Asia", "Africa", "America", "European Union", "EU", "Ireland", "United States",
	"U.S.", "US", "UK", "U.K.", "Britain", "United Kingdom", "England", "Scotland", "Wales",
	"Northern Ireland", "Germany", "France", "Canada", "China", "Japan", "India", "Australia",
	"Korea", "South Korea", "Russia", "Brazil", "Mexico", "Netherlands", "Spain", "Italy",
	"Sweden", "Switzerland", "Israel", "Poland", "Belgium", "Denmark", "Latin America",
	"Middle East", "North America", "South America",
)

// mediaVerbs introduce the outlet a party spoke to ("told Reuters"): its
// object is a news outlet, not a party.
var mediaContext = `\b(?:told|according to|reported by|reporting by|speaking to|in an interview with|quoted by|confirmed to)\s+$`

// capitalStoplist are capitalised words that are not names when they open
// a sentence or stand alone: function words, common sentence openers,
// months, days and generic roles.
var capitalStoplist = setOf(
	"A", "An", "The", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She",
	"They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "But", "And", "Or",
	"Nor", "For", "So", "Yet", "In", "On", "At", "By", "With", "Without", "From", "To", "Of",
	"Under", "Over", "Despite", "Although", "Though", "While", "Because", "Why", "What", "Who",
	"Whom", "Which", "Where", "When", "How", "Some", "Many", "Most", "Much", "Few", "All", "Both",
	"Each", "Every", "Either", "Neither", "No", "Not", "One", "Two", "Three", "Four", "Five",
	"Other", "Another", "Among", "Amid", "Against", "Pending", "Following", "According",
	"Instead", "Indeed", "Further", "Furthermore", "Moreover", "Ultimately", "Finally", "Next",
	"Recently", "Overall", "Once", "Until", "Unless", "Whether", "Even", "Only", "Just",
	"Perhaps", "Meanwhile", "Separately", "Similarly", "Likewise", "Nevertheless", "Nonetheless",
	"Regardless", "Thus", "Therefore", "Hence", "Otherwise", "Currently", "Previously", "Still",
	"Also", "Now", "Then", "Today", "Yesterday", "Tomorrow", "Last", "Earlier", "Later", "Since",
	"After", "Before", "As", "If", "Such", "Like", "Unlike", "About", "Above", "Below", "Within",
	"During", "Through", "Upon", "Into", "Onto", "Toward", "Towards", "Around", "Near", "Via",
	"Per", "Plus", "Ever", "Never", "Again", "Yes", "Asked", "Why", "Critics", "Experts",
	"Analysts", "Lawyers", "Sources", "Officials", "Judges", "Companies", "Writing", "Reporting",
	"Editing", "Image", "Photo", "Source", "Read", "Related", "Share", "Advertisement", "Update",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
	"Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "PDF", "Case", "No.", "Nos.", "Judge", "Justice",
	"Magistrate", "Chief", "Senior", "Court", "Circuit", "Congress", "Parliament", "Senate",
	"House", "President", "Writing", "Prosecutors", "Investigators", "Government", "Administration",
	"Several", "Any", "Full", "New", "Old", "Big", "Major", "Top", "Mr", "Ms", "Mrs", "Dr",
	"Whatever", "Whoever", "However", "Realizing", "Worried", "Concerned",
)

// legislatureWords are lawmakers, never litigants.
var legislatureWords = setOf("Congress", "Parliament", "Senate", "House", "Bundestag", "Dail", "Oireachtas")
