'use strict';
// Activation cost, for `npm run bench` (run.ts spawns this in a fresh process, so the module load is
// a cold one): loading dist/extension.js and calling its activate(), with a stand-in `vscode` module
// that accepts any call (no editor here). Prints {"loadMs", "activateMs"} as JSON.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const bundle = path.resolve(__dirname, '../dist/extension.js');

/** A value that is every API at once: any property, call or construction gives it back. */
function anything() {
  const proxy = new Proxy(function () {}, {
    get(_target, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'length') return 0;
      return proxy;
    },
    set: () => true,
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

// The bundle copies the module's own properties (esbuild's ESM interop): name the ones it reads.
const names = new Set([...readFileSync(bundle, 'utf8').matchAll(/\bvscode\d*\.([A-Za-z]+)/g)].map((m) => m[1]));
const vscode = Object.fromEntries([...names].map((name) => [name, anything()]));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const t0 = performance.now();
const extension = require(bundle);
const t1 = performance.now();
extension.activate({ subscriptions: [], extensionUri: anything(), extension: anything(), globalState: anything(), workspaceState: anything() });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 }));
