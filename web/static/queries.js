// Every question the case explorer asks Amicus, in one place.
//
// The explorer reads the graph only through Amicus's public GraphQL API
// (POST /query), so this file is also a working example for anyone
// building a frontend: copy a query, send it with `ask`, and read
// `data` as the schema describes it (the playground at / shows every type
// and field with its description).

// The words of an article a fact rests on, and the article they come from.
const EVIDENCE = `
fragment Quote on Evidence {
  quote
  note
  article { title publisher url source publishedAt }
}`;

// Find parties, claims and quotes by their words. Each hit says what it
// is (`kind`) and, for claims and quotes, which dispute it belongs to.
export const SEARCH = `
query Search($text: String!) {
  search(text: $text, first: 15) {
    kind
    snippet
    party { id name kind }
    argument { id by { name } }
    evidence { ...Quote }
    case { id name }
  }
}
${EVIDENCE}`;

// The disputes, with their litigants, a page at a time: the list to pick
// a case from. Pass the last page's endCursor as $after for the next.
export const CASES = `
query Cases($after: String) {
  cases(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      name
      parties { side party { name } }
    }
  }
}`;

// One party: what it is called, the disputes it litigates and whom it
// backed elsewhere.
export const PARTY = `
query Party($name: String!) {
  party(name: $name) {
    id
    name
    kind
    aliases
    cases { id name supporters { id } }
    supports {
      via
      supported { name }
      case { id name }
    }
    evidence { ...Quote }
  }
}
${EVIDENCE}`;

// One dispute, whole: both sides, who backed whom and why, what each side
// argues, which courts ruled and for whom, and what was cited. Every fact
// comes with its evidence.
export const CASE = `
query Case($id: ID!) {
  case(id: $id) {
    id
    name
    issue
    evidence { ...Quote }
    parties {
      side
      party { id name kind evidence { ...Quote } }
    }
    supporters {
      id
      via
      supporter { id name kind }
      supported { id name }
      grounds { id claim evidence { ...Quote } }
      evidence { ...Quote }
    }
    arguments {
      id
      claim
      by { id name }
      cites { name citation }
      evidence { ...Quote }
    }
    courts { id name level place judges { name } evidence { ...Quote } }
    rulings {
      id
      summary
      date
      court { id name }
      favors { id name }
      evidence { ...Quote }
    }
    precedents { id name kind citation evidence { ...Quote } }
  }
}
${EVIDENCE}`;

/**
 * Sends a query to the API and returns its `data`.
 * Throws an Error with the API's message (and `code`, from
 * `extensions.code`) when the API reports one.
 */
export async function ask(query, variables = {}) {
  const response = await fetch("/query", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`the API answered ${response.status} ${response.statusText}`);
  }
  if (body.errors && body.errors.length) {
    const error = new Error(body.errors.map((e) => e.message).join("; "));
    error.code = body.errors[0].extensions && body.errors[0].extensions.code;
    throw error;
  }
  return body.data;
}
