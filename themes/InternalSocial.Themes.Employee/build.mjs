// Builds the site's bundles into wwwroot/dist (run by the project's EsBuild target; `npm run build` by hand).
// Minified IIFEs for the browsers of the last few years; no source maps shipped to phones.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: { app: 'Scripts/app.js', live: 'Scripts/live.js', charts: 'Scripts/charts.js' },
  outdir: 'wwwroot/dist',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  logLevel: 'warning',
});
