// Monaco's JSON language worker (variables, headers, response), for the GraphiQL page.
import 'monaco-editor/esm/vs/language/json/json.worker.js';
