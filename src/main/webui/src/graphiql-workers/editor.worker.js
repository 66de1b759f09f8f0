// Monaco's base editor worker, for the GraphiQL page (see graphiql.js).
import 'monaco-editor/esm/vs/editor/editor.worker.js';
