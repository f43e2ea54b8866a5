// What the benchmark measures, bundled and minified by esbuild as the extension ships it (bench/run.ts
// builds it to out/bench/subject.js first): timings of the TypeScript sources run under tsx would
// include costs the bundle does not have (exported bindings read through getters, a naming call
// on every inner function created).
export { ArticleIndex, buildIndex } from '../src/core/articleIndex';
export { IncrementalIndexer } from '../src/core/incremental';
export { IndexClient } from '../src/extension/indexClient';
export { packIndexData, unpackIndexData } from '../src/extension/indexTransfer';
export { buildModel, keptEnds, modelParts, modelSteps, splitKept } from '../src/webview/viewModel';
// The extension host's work after an update, with bench/vscodeStandIn.ts for `vscode`.
export { dateDiagnosticSteps } from '../src/extension/diagnostics';
export { tokenSteps } from '../src/extension/semanticTokens';
export { documentSymbolSteps } from '../src/extension/symbols';
export { standInDocument } from './vscodeStandIn';
