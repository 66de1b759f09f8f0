// The GraphiQL page (/graphiql): GraphiQL (React, Monaco editors) against POST /graphql of the same
// origin. Everything it needs is built with it: its styles in graphiql.css (src/graphiql.css), and Monaco's three
// web workers (editor, JSON, GraphQL language service) built beside it in graphiql/, loaded from
// the same folder as this script. The default query and the page language come from the mount
// point's data-config attribute.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const workers = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = workers[label] ?? 'editor.worker.js';
    return new Worker(new URL(`./graphiql/${file}`, import.meta.url), { name: label });
  },
};

const root = document.getElementById('graphiql');
const config = JSON.parse(root.dataset.config);
const csrf = document.querySelector('meta[name="csrf-token"]');
// a query sent with the session cookie carries the session's CSRF token (mutations change data)
const fetcher = createGraphiQLFetcher({
  url: config.endpoint,
  headers: csrf && csrf.content ? { 'X-CSRF-Token': csrf.content } : {},
});

createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: config.defaultQuery,
    defaultEditorToolsVisibility: false,
  }),
);
