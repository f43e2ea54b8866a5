// `npm test`: every test — type check, build, unit tests, robustness tests, then the suite inside a real VS Code
// and the UI tests — and one closing line `N passed, N failed` over all of them.
import { spawn } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
let broken = [];

/** Runs a step, echoing its output, and returns that output. */
function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code, signal) => {
      if (code !== 0) broken.push(`${name} (exit ${code ?? signal})`);
      resolve(output);
    });
  });
}

function count(output, pattern) {
  const m = pattern.exec(output);
  return m ? Number(m[1]) : 0;
}

await run('type check', npx, ['tsc', '-p', '.']);
await run('build', process.execPath, ['scripts/build.mjs']);
if (broken.length === 0) {
  for (const [name, args] of [
    ['unit tests', ['test/unit/**/*.test.ts']],
    ['robustness tests (fuzzing, pathological articles)', ['--timeout', '600000', 'test/robustness/**/*.test.ts']],
  ]) {
    const output = await run(name, npx, ['mocha', '--reporter', 'spec', ...args]);
    passed += count(output, /(\d+) passing/);
    failed += count(output, /(\d+) failing/);
  }
  const vscode = await run('in VS Code', process.execPath, ['test/e2e/run.mjs', '--no-build']);
  for (const m of vscode.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
}
if (broken.length) console.log(`\nfailed steps: ${broken.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = broken.length || failed ? 1 : 0;
