// The graphql-sse client in its default distinct connections mode; prints one JSON line per event.
import { createClient } from "graphql-sse";

const [url, token, query, variables] = process.argv.slice(2);
const client = createClient({ url, headers: token ? { Authorization: `Bearer ${token}` } : {}, retryAttempts: 0 });
try {
  for await (const result of client.iterate({ query, variables: JSON.parse(variables) })) {
    console.log(JSON.stringify({ next: result }));
  }
  console.log(JSON.stringify({ complete: true }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error && error.message || error) }));
}
client.dispose();
