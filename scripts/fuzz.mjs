// `npm run fuzz`: the property-based robustness tests (test/unit/fuzz.test.ts), long, with a
// random seed printed first so any failure can be replayed.
//   npm run fuzz                      # 200,000 inputs, random seed
//   npm run fuzz -- --runs 50000 --seed 1234 [--grep soup]
// Environment: CHRONOLENS_FUZZ_RUNS / CHRONOLENS_FUZZ_SEED work too; the arguments win.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = option('runs') ?? process.env.CHRONOLENS_FUZZ_RUNS ?? '200000';
const seed = option('seed') ?? process.env.CHRONOLENS_FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const grep = option('grep');

console.log(`fuzz: seed ${seed}, ${runs} inputs over all properties`);
console.log(`replay: npm run fuzz -- --seed ${seed} --runs ${runs}${grep ? ` --grep ${grep}` : ''}`);
const started = Date.now();
const mocha = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(
  mocha,
  // --no-config: .mocharc's spec would add every other unit test to the run.
  ['mocha', '--no-config', '--require', 'tsx/cjs', '--reporter', 'spec', '--timeout', '0', ...(grep ? ['--grep', grep] : []), 'test/unit/fuzz.test.ts'],
  { stdio: 'inherit', env: { ...process.env, CHRONOLENS_FUZZ_RUNS: runs, CHRONOLENS_FUZZ_SEED: seed } },
);
const stop = (signal) => child.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('close', (code, signal) => {
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const outcome = code === 0 ? 'passed' : signal ? `killed by ${signal} (a hang? see the HANG line above)` : `failed (exit ${code})`;
  console.log(`\nfuzz: seed ${seed}, ${runs} inputs, ${outcome} after ${minutes} min`);
  process.exitCode = code ?? 1;
});
