// Builds the page scripts into dist/ (the Maven build copies dist/ to META-INF/resources/assets/).
// Two entry points, ES modules with code splitting: impact.js (the page, with cytoscape) and
// elk-layout.js (ELK), which impact.js imports only when it draws a graph. `--watch` rebuilds on
// change, with source maps, for working with `./mvnw quarkus:dev`.
import * as esbuild from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const outdir = 'dist';

await rm(outdir, { recursive: true, force: true });
await mkdir(`${outdir}/licenses`, { recursive: true });
// the bundles carry third-party code: ship its licence texts beside them
await cp('node_modules/cytoscape/LICENSE', `${outdir}/licenses/cytoscape.txt`);
await cp('node_modules/elkjs/LICENSE.md', `${outdir}/licenses/elkjs.txt`);

const options = {
  entryPoints: ['src/impact.js', 'src/elk-layout.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2020'],
  minify: !watch,
  sourcemap: watch,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('watching src/ …');
} else {
  const result = await esbuild.build(options);
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, info]) => `${file} ${(info.bytes / 1024).toFixed(0)} KB`);
  console.log(outputs.join('\n'));
}
