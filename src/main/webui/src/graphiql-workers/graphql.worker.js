// The GraphQL language service worker of monaco-graphql (validation, completion from the
// introspected schema), for the GraphiQL page.
import 'monaco-graphql/esm/graphql.worker.js';
