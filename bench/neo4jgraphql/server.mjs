// The Amicus graph served by @neo4j/graphql, so that `amicus bench
// --neo4j-graphql` can send it the same questions as the Amicus API and
// report both side by side. It reads the graph Amicus wrote; it never
// writes.
//
// Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
// It listens on 127.0.0.1 on a free port and prints "listening on URL"
// once it answers; POST URL/query takes {query, variables}.
import http from "node:http";
import { graphql } from "graphql";
import neo4j from "neo4j-driver";
import { Neo4jGraphQL } from "@neo4j/graphql";

// typeDefs describe the graph as Amicus writes it (see the README's
// "The graph"): the same labels, relationship types and properties.
const typeDefs = /* GraphQL */ `
  type PartyTo @relationshipProperties {
    side: String
  }

  type Party @node {
    id: ID!
    name: String!
    kind: String
    aliases: [String!]
    cases: [Case!]! @relationship(type: "PARTY_TO", direction: OUT, properties: "PartyTo")
    arguments: [Argument!]! @relationship(type: "ARGUES", direction: OUT)
    supportsGiven: [Support!]! @relationship(type: "BY", direction: IN)
    supportsReceived: [Support!]! @relationship(type: "BACKS", direction: IN)
    opponents: [Party!]!
      @cypher(
        statement: """
        MATCH (this)-[mine:PARTY_TO]->(:Case)<-[theirs:PARTY_TO]-(other:Party)
        WHERE mine.side <> theirs.side
        RETURN DISTINCT other
        """
        columnName: "other"
      )
  }

  type Case @node {
    id: ID!
    name: String
    issue: String
    parties: [Party!]! @relationship(type: "PARTY_TO", direction: IN, properties: "PartyTo")
    courts: [Court!]! @relationship(type: "HEARD_IN", direction: OUT)
    rulings: [Ruling!]! @relationship(type: "IN_CASE", direction: IN)
    supports: [Support!]! @relationship(type: "IN_CASE", direction: IN)
    precedents: [Precedent!]! @relationship(type: "CITES", direction: OUT)
  }

  type Court @node {
    id: ID!
    name: String
    level: String
    place: String
  }

  type Ruling @node {
    id: ID!
    summary: String
    date: String
    confidence: Float
    court: [Court!]! @relationship(type: "BY_COURT", direction: OUT)
    favors: [Party!]! @relationship(type: "FAVORS", direction: OUT)
  }

  type Support @node {
    id: ID!
    via: String
    confidence: Float
    supporter: [Party!]! @relationship(type: "BY", direction: OUT)
    supported: [Party!]! @relationship(type: "BACKS", direction: OUT)
    grounds: [Argument!]! @relationship(type: "ON_GROUNDS", direction: OUT)
    evidence: [Evidence!]! @relationship(type: "EVIDENCED_BY", direction: OUT)
  }

  type Argument @node {
    id: ID!
    claim: String
    confidence: Float
    case: [Case!]! @relationship(type: "IN_CASE", direction: OUT)
  }

  type Precedent @node {
    id: ID!
    name: String
    kind: String
    citation: String
  }

  type Evidence @node {
    id: ID!
    quote: String
    article: [Article!]! @relationship(type: "FROM", direction: OUT)
  }

  type Article @node {
    id: ID!
    title: String
  }
`;

const env = process.env;
const driver = neo4j.driver(
  env.NEO4J_URI || "bolt://127.0.0.1:7687",
  env.NEO4J_USERNAME ? neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD || "") : undefined,
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const sessionConfig = { database: env.NEO4J_DATABASE || "neo4j" };

const server = http.createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  if (req.method !== "POST" || req.url !== "/query") {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  let body;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    res.writeHead(400, { "Content-Type": "application/json" }).end('{"errors":[{"message":"bad JSON"}]}');
    return;
  }
  const result = await graphql({
    schema,
    source: body.query,
    variableValues: body.variables,
    contextValue: { sessionConfig },
  });
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(result));
});

server.listen(0, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    server.close();
    await driver.close();
    process.exit(0);
  });
}
// Amicus closes our stdin when it is done or dies: stop then too.
process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
process.stdin.resume();
