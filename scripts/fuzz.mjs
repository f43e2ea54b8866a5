// `npm run fuzz`: the property-based robustness tests (test/robustness/fuzz.test.ts), long, with a
// random seed printed first so any failure can be replayed.
//   npm run fuzz                      # 20,000 inputs, windows of up to 12,000 chars, random seed
//   npm run fuzz -- --runs 50000 --seed 1234 --max-chars 4000 [--grep soup]
// Environment: CHRONOLENS_FUZZ_RUNS / _SEED / _MAX_CHARS work too; the arguments win.
// A hang is caught by the tests' watchdog thread: it prints HANG with the case and the file
// holding the input, and kills the run.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = option('runs') ?? process.env.CHRONOLENS_FUZZ_RUNS ?? '20000';
const maxChars = option('max-chars') ?? process.env.CHRONOLENS_FUZZ_MAX_CHARS ?? '12000';
const seed = option('seed') ?? process.env.CHRONOLENS_FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const grep = option('grep');

console.log(`fuzz: seed ${seed}, ${runs} inputs over all properties, windows of up to ${maxChars} chars`);
console.log(`replay: npm run fuzz -- --seed ${seed} --runs ${runs} --max-chars ${maxChars}${grep ? ` --grep ${grep}` : ''}`);
const started = Date.now();
const mocha = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(
  mocha,
  ['mocha', '--reporter', 'spec', '--timeout', '0', ...(grep ? ['--grep', grep] : []), 'test/robustness/fuzz.test.ts'],
  { stdio: 'inherit', env: { ...process.env, CHRONOLENS_FUZZ_RUNS: runs, CHRONOLENS_FUZZ_SEED: seed, CHRONOLENS_FUZZ_MAX_CHARS: maxChars } },
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
