package extract

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

// usSignals are words that show an article is about the U.S.: a generic
// "the government" then means the U.S. government.
var usSignals = `\b(?:U\.S\.|US|United States|American|federal|Justice Department|Department of Justice|Congress|FBI|Supreme Court|Circuit|District Court|district court|[A-Z][a-z]+ administration)\b`

// governmentRefs are generic references to the government side of a
// dispute (prosecutors, the Justice Department, "the Obama
// administration"); they resolve to the national government party.
var governmentRefs = `(?:(?:the|The) )?(?:(?:U\.S\.|US|United States|American|federal|Federal|state|State) )?` +
	`(?:government|Government|prosecutors|Prosecutors|Justice Department|Department of Justice|DOJ|` +
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

// orgSuffixes mark a name as a company's.
var orgSuffixes = setOf("Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.",
	"LLC", "LLP", "plc", "PLC", "GmbH", "AG", "SA", "S.A.", "NV", "N.V.", "Holdings", "Group",
	"Technologies", "Systems", "Labs", "Games", "Bank", "Airlines", "Motors", "Pharmaceuticals",
	"Industries", "Enterprises", "Partners", "Capital", "Communications", "Networks", "Media",
	"Entertainment", "Software", "Electronics", "Platforms")

// groupWords mark a name as an association, union, foundation or coalition.
var groupWords = setOf("Foundation", "Union", "Association", "Institute", "Center", "Centre",
	"Council", "Alliance", "Coalition", "Society", "Committee", "League", "Federation",
	"Chamber", "Network", "Project", "Forum", "Fund", "Trust", "Campaign", "Initiative",
	"Clinic", "Caucus", "Guild", "Organization", "Organisation")

// agencyWords mark a name as a government agency.
var agencyWords = setOf("Department", "Commission", "Agency", "Bureau", "Authority", "Office",
	"Ministry", "Board", "Administration", "Service", "Regulator", "Inspectorate", "Directorate")

// personTitles precede a person's name.
var personTitles = setOf("Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Senator", "Rep.", "President",
	"Governor", "Gov.", "Attorney", "General", "Secretary", "Chief", "Executive", "CEO",
	"Commissioner", "Chairman", "Chairwoman", "Chair", "Prof.", "Professor")

// statuteHeads end the name of a statute or other written law.
var statuteHeads = `(?:Act|Amendment|Code|Regulation|Directive|Convention|Treaty|Charter|Statute|Ordinance|Rule)`

// placeWords are places: never parties, but they can be where a court sits.
var placeWords = setOf(
	"Europe", "Asia", "Africa", "America", "European Union", "EU", "Ireland", "Dublin",
	"United States", "U.S.", "US", "UK", "U.K.", "Britain", "United Kingdom", "England",
	"London", "Brussels", "Luxembourg", "Paris", "Berlin", "Germany", "France", "Canada",
	"China", "Beijing", "Japan", "Tokyo", "India", "Australia", "Washington", "Seattle",
	"Redmond", "Manhattan", "Brooklyn", "New York", "California", "San Francisco",
	"Silicon Valley", "Texas", "Delaware", "Virginia", "Massachusetts", "Boston", "Chicago",
	"Illinois", "Oakland", "San Jose", "Los Angeles", "Vermont", "Florida", "Ohio",
	"Pennsylvania", "Michigan", "Georgia", "Maryland", "New Jersey", "Colorado", "Utah",
	"Arizona", "Oregon", "Minnesota", "Wisconsin", "Missouri", "Tennessee", "Alabama",
	"Louisiana", "Kentucky", "Nevada", "Iowa", "Kansas", "Indiana", "Connecticut", "Atlanta",
	"Denver", "Miami", "Houston", "Dallas", "Austin", "Philadelphia", "Detroit", "Singapore",
	"Hong Kong", "Korea", "South Korea", "Seoul", "Russia", "Moscow", "Brazil", "Mexico",
	"Netherlands", "Amsterdam", "The Hague", "Spain", "Italy", "Sweden", "Switzerland",
	"Strasbourg", "Scotland", "Wales", "Northern Ireland", "Cork", "Israel", "Poland",
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
