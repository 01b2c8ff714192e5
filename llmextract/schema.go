package llmextract

import (
	"encoding/json"
	"fmt"
	"strings"
)

// schemaName names the answer's JSON schema in the request.
const schemaName = "amicus_facts"

// systemPrompt tells the model what to find and how to give evidence.
const systemPrompt = `You read one news article about a legal dispute and list the facts it states, for a knowledge graph of legal arguments. Answer only with JSON that follows the given schema.

What to list:
- cases: each dispute, named like "Plaintiff v. Defendant", with the legal question in dispute as issue when the article states it.
- parties: every litigant, and every organisation or person that backs a litigant. kind is company, government, agency, person or group. Litigants get the case name and a side: "A" for the side that brought the case or appeals, "B" for the other side. Backers that are not litigants get an empty case and side. aliases are other names the article uses for the party, such as a short name or an acronym.
- courts: each court or tribunal, with its level (district, appeals, supreme, high, ...) and place when stated.
- judges: each named judge, with the court they sit on when stated.
- precedents: each statute or court decision cited, kind statute or case, with its formal citation when given.
- arguments: each claim a party makes in the dispute, by that party, with the names of precedents the claim relies on.
- supports: each time a party backs another, with the form of support (amicus brief, letter, statement, ...) and the reasons it gave as grounds.
- rulings: each decision of a court: what it decided, the date as the article writes it, and the party it favours.

Rules:
- Use only what the article says. Do not add facts from your own knowledge.
- Every quote must be copied character for character from the article text: the shortest whole sentence or clause that states the fact. Do not paraphrase, shorten with ellipses, fix spelling, or change quotation marks. A fact you cannot quote exactly must be left out.
- Refer to parties, courts, cases and precedents by exactly the name you gave them in their own lists.
- Use an empty string for anything the article does not state.
- certainty is high when the article states the fact plainly, medium when it implies it, low when you are unsure.`

// answer is the model's reply, shaped by answerSchema.
type answer struct {
	Cases      []answerCase      `json:"cases"`
	Parties    []answerParty     `json:"parties"`
	Courts     []answerCourt     `json:"courts"`
	Judges     []answerJudge     `json:"judges"`
	Precedents []answerPrecedent `json:"precedents"`
	Arguments  []answerArgument  `json:"arguments"`
	Supports   []answerSupport   `json:"supports"`
	Rulings    []answerRuling    `json:"rulings"`
}

type answerCase struct {
	Name      string `json:"name"`
	Issue     string `json:"issue"`
	Quote     string `json:"quote"`
	Certainty string `json:"certainty"`
}

type answerParty struct {
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Aliases   []string `json:"aliases"`
	Case      string   `json:"case"`
	Side      string   `json:"side"`
	Quote     string   `json:"quote"`
	Certainty string   `json:"certainty"`
}

type answerCourt struct {
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	Level     string   `json:"level"`
	Place     string   `json:"place"`
	Quote     string   `json:"quote"`
	Certainty string   `json:"certainty"`
}

type answerJudge struct {
	Name      string `json:"name"`
	Court     string `json:"court"`
	Quote     string `json:"quote"`
	Certainty string `json:"certainty"`
}

type answerPrecedent struct {
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Citation  string `json:"citation"`
	Quote     string `json:"quote"`
	Certainty string `json:"certainty"`
}

type answerArgument struct {
	By        string   `json:"by"`
	Claim     string   `json:"claim"`
	Case      string   `json:"case"`
	Cites     []string `json:"cites"`
	Quote     string   `json:"quote"`
	Certainty string   `json:"certainty"`
}

type answerSupport struct {
	Supporter string         `json:"supporter"`
	Supported string         `json:"supported"`
	Via       string         `json:"via"`
	Case      string         `json:"case"`
	Grounds   []answerGround `json:"grounds"`
	Quote     string         `json:"quote"`
	Certainty string         `json:"certainty"`
}

type answerGround struct {
	Claim     string `json:"claim"`
	Quote     string `json:"quote"`
	Certainty string `json:"certainty"`
}

type answerRuling struct {
	Court     string `json:"court"`
	Summary   string `json:"summary"`
	Date      string `json:"date"`
	Favors    string `json:"favors"`
	Case      string `json:"case"`
	Quote     string `json:"quote"`
	Certainty string `json:"certainty"`
}

// answerSchema is the JSON schema of answer, in the subset that strict
// structured output accepts: every property required, no extra properties.
func answerSchema() map[string]any {
	str := func(description string) map[string]any {
		return map[string]any{"type": "string", "description": description}
	}
	enum := func(description string, values ...string) map[string]any {
		return map[string]any{"type": "string", "enum": values, "description": description}
	}
	stringList := func(description string) map[string]any {
		return map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": description}
	}
	quote := str("verbatim text of the article that states this fact")
	certainty := enum("how plainly the article states this fact", "high", "medium", "low")
	list := func(description string, fields [][2]any) map[string]any {
		properties := map[string]any{}
		var required []string
		for _, f := range fields {
			name := f[0].(string)
			properties[name] = f[1]
			required = append(required, name)
		}
		return map[string]any{
			"type":        "array",
			"description": description,
			"items": map[string]any{
				"type":                 "object",
				"properties":           properties,
				"required":             required,
				"additionalProperties": false,
			},
		}
	}
	grounds := list("the supporter's reasons", [][2]any{
		{"claim", str("one reason the supporter gave")},
		{"quote", quote}, {"certainty", certainty},
	})
	lists := [][2]any{
		{"cases", list("the disputes", [][2]any{
			{"name", str(`readable title such as "A v. B"`)},
			{"issue", str("the legal question in dispute, or empty")},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"parties", list("litigants and their backers", [][2]any{
			{"name", str("the party's name")},
			{"kind", enum("what the party is", "company", "government", "agency", "person", "group")},
			{"aliases", stringList("other names the article uses for the party")},
			{"case", str("name of the case the party litigates in, or empty for a backer")},
			{"side", enum("A for the side that brought the case, B for the other, empty for a backer", "A", "B", "")},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"courts", list("courts and tribunals", [][2]any{
			{"name", str("the court's name")},
			{"aliases", stringList("other names the article uses for the court")},
			{"level", str("district, appeals, supreme, high, ... or empty")},
			{"place", str("where it sits or what it covers, or empty")},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"judges", list("named judges", [][2]any{
			{"name", str("the judge's name")},
			{"court", str("name of the judge's court, or empty")},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"precedents", list("statutes and court decisions cited", [][2]any{
			{"name", str("the statute's or decision's name")},
			{"kind", enum("statute or case", "statute", "case")},
			{"citation", str("formal citation, or empty")},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"arguments", list("claims made by parties", [][2]any{
			{"by", str("name of the party making the claim")},
			{"claim", str("the claim, briefly")},
			{"case", str("name of the case, or empty")},
			{"cites", stringList("names of precedents the claim relies on")},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"supports", list("parties backing other parties", [][2]any{
			{"supporter", str("name of the party giving support")},
			{"supported", str("name of the party backed, or empty")},
			{"via", str("form of the support, such as amicus brief, or empty")},
			{"case", str("name of the case, or empty")},
			{"grounds", grounds},
			{"quote", quote}, {"certainty", certainty},
		})},
		{"rulings", list("court decisions", [][2]any{
			{"court", str("name of the court that ruled, or empty")},
			{"summary", str("what the court decided")},
			{"date", str("the date as the article writes it, or empty")},
			{"favors", str("name of the party the ruling favours, or empty")},
			{"case", str("name of the case, or empty")},
			{"quote", quote}, {"certainty", certainty},
		})},
	}
	properties := map[string]any{}
	var required []string
	for _, l := range lists {
		properties[l[0].(string)] = l[1]
		required = append(required, l[0].(string))
	}
	return map[string]any{
		"type":                 "object",
		"properties":           properties,
		"required":             required,
		"additionalProperties": false,
	}
}

// parseAnswer decodes the model's reply. A reply wrapped in a Markdown code
// fence, as some servers send when they ignore response_format, is
// unwrapped first.
func parseAnswer(content string) (answer, error) {
	text := strings.TrimSpace(content)
	if rest, ok := strings.CutPrefix(text, "```"); ok {
		rest = strings.TrimPrefix(rest, "json")
		text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "```"))
	}
	if text == "" {
		return answer{}, fmt.Errorf("llm: the model's answer is empty")
	}
	var a answer
	if err := json.Unmarshal([]byte(text), &a); err != nil {
		return answer{}, fmt.Errorf("llm: the model's answer is not facts JSON (%v): %s", err, excerpt([]byte(text)))
	}
	return a, nil
}
