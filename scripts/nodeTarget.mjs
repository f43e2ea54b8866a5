// The esbuild options of every bundle that runs on Node (the desktop extension host, its index
// worker, the CLI, the benchmark's subject).
/** @type {import('esbuild').BuildOptions} */
export const nodeTarget = {
  platform: 'node',
  target: 'node20',
  // esbuild rewrites a regular expression with \p{…} into `new RegExp(…)` for every Node version.
  // V8 drops the compiled code of regular expressions made that way at each full garbage
  // collection, and those in hot functions were compiled again each build: the entity stage
  // of the first article indexed after a pause cost 5-10 ms instead of 2 on the sample.
  // Node has had Unicode property escapes since version 10.
  supported: { 'regexp-unicode-property-escapes': true },
};
