// Builds the page scripts into dist/ (the Maven build copies dist/ to META-INF/resources/assets/).
// Two separate builds, so that neither page's bundle carries the other's code:
// - the impact page: two entry points, ES modules with code splitting: impact.js (the page, with
//   cytoscape) and elk-layout.js (ELK), which impact.js imports only when it draws a graph;
// - the GraphiQL page: graphiql.js and graphiql.css (GraphiQL, React, Monaco), its lazily loaded
//   chunks in graphiql/, and Monaco's web workers (graphiql/*.worker.js, classic scripts), which
//   graphiql.js starts from the same folder: nothing is fetched from another origin.
// - the modeller and diagram viewer pages: modeller.js (diagram-js and our ArchiMate notation), its
//   lazily loaded chunks in modeller/ (ELK for auto-layout among them), and modeller.css, which
//   carries diagram-js's and the minimap's own styles with ours.
// `--watch` rebuilds on change, with source maps, for working with `./mvnw quarkus:dev`.
import * as esbuild from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const outdir = 'dist';

await rm(outdir, { recursive: true, force: true });
await mkdir(`${outdir}/licenses`, { recursive: true });
// the bundles carry third-party code: ship its licence texts beside them
const licences = {
  'bpmn-io-diagram-js-ui': '@bpmn-io/diagram-js-ui/LICENSE',
  clsx: 'diagram-js/node_modules/clsx/license',
  cytoscape: 'cytoscape/LICENSE',
  'diagram-js': 'diagram-js/LICENSE',
  'diagram-js-minimap': 'diagram-js-minimap/LICENSE',
  didi: 'didi/LICENSE',
  domify: 'domify/license',
  elkjs: 'elkjs/LICENSE.md',
  graphiql: 'graphiql/LICENSE',
  'graphiql-react': '@graphiql/react/LICENSE',
  'graphiql-toolkit': '@graphiql/toolkit/LICENSE',
  graphql: 'graphql/LICENSE',
  htm: 'htm/LICENSE',
  'inherits-browser': 'inherits-browser/LICENSE',
  'min-dash': 'min-dash/LICENSE',
  'min-dom': 'min-dom/LICENSE',
  'monaco-editor': 'monaco-editor/LICENSE',
  'monaco-graphql': 'monaco-graphql/LICENSE',
  'object-refs': 'object-refs/LICENSE',
  'path-intersection': 'path-intersection/LICENSE',
  preact: 'preact/LICENSE',
  prettier: 'prettier/LICENSE',
  react: 'react/LICENSE',
  'react-dom': 'react-dom/LICENSE',
  'tiny-svg': 'tiny-svg/LICENSE',
};
for (const [name, file] of Object.entries(licences)) {
  await cp(`node_modules/${file}`, `${outdir}/licenses/${name}.txt`);
}

const common = {
  outdir,
  bundle: true,
  target: ['es2020'],
  minify: !watch,
  sourcemap: watch,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  // React's and graphql-js's production code paths
  define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"' },
};

const builds = [
  { ...common, entryPoints: ['src/impact.js', 'src/elk-layout.js'], splitting: true, format: 'esm' },
  {
    ...common,
    entryPoints: ['src/graphiql.js'],
    splitting: true,
    // GraphiQL's style.css (the graphiql.css entry below) already holds Monaco's styles: the CSS
    // files that Monaco's modules import would only be duplicates in chunks nobody loads
    loader: { '.css': 'empty' },
    format: 'esm',
    chunkNames: 'graphiql/[name]-[hash]',
  },
  {
    ...common,
    entryPoints: ['src/graphiql.css'],
  },
  {
    ...common,
    entryPoints: ['src/modeller.js'],
    splitting: true,
    format: 'esm',
    chunkNames: 'modeller/[name]-[hash]',
  },
  {
    // our styles with diagram-js's and the minimap's, which modeller.css @imports
    ...common,
    entryPoints: ['src/modeller.css'],
  },
  {
    ...common,
    entryPoints: ['src/graphiql-workers/*.worker.js'],
    outdir: `${outdir}/graphiql`,
    format: 'iife',
  },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('watching src/ …');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const outputs = results
    .flatMap((result) => Object.entries(result.metafile.outputs))
    .filter(([file]) => /\.(js|css)$/.test(file))
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([file, info]) => `${file} ${(info.bytes / 1024).toFixed(0)} KB`);
  console.log(outputs.join('\n'));
}
