// Apollo Client subscribing over HTTP multipart, as a web app would; prints one JSON line per event.
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";

const [url, token, query, variables] = process.argv.slice(2);
const client = new ApolloClient({
  link: new HttpLink({ uri: url, headers: token ? { Authorization: `Bearer ${token}` } : {} }),
  cache: new InMemoryCache(),
});
client.subscribe({ query: gql(query), variables: JSON.parse(variables) }).subscribe({
  next: (result) => console.log(JSON.stringify({ next: result })),
  error: (error) => { console.log(JSON.stringify({ error: String(error && error.message || error) })); process.exit(0); },
  complete: () => { console.log(JSON.stringify({ complete: true })); process.exit(0); },
});
