import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { buildWebIfStale } from './build-web.ts';

// Plain output for CI logs. The AWS SDK's notice that its releases after January 2027 need
// Node.js 22 would otherwise repeat once per test process; the lockfile pins releases that run on 20.
const testEnv = {
  ...process.env,
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

// Every check the project has, in the order a failure is cheapest to find:
// format and lint, the architecture's rules, types, then unit, integration and browser tests.
const step = (title: string, command: string, args: string[]) => {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: testEnv });
  return result.status ?? 1;
};

let failed = 0;
failed += step('Lint and format', 'pnpm', ['exec', 'biome', 'ci', '--colors=off', '.']) ? 1 : 0;
failed += step('No app imports another app', 'pnpm', ['exec', 'tsx', 'scripts/check-imports.ts']) ? 1 : 0;
failed += step('No function over 150 lines', 'pnpm', ['exec', 'tsx', 'scripts/check-function-length.ts'])
  ? 1
  : 0;
failed += step('Type check', 'pnpm', ['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only'])
  ? 1
  : 0;
buildWebIfStale();
mkdirSync('.data', { recursive: true });
const vitest = step('Tests (unit, integration, browser)', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.data/test-results.json',
]);

let passed = 0;
let failedTests = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync('.data/test-results.json', 'utf8'));
  passed = report.numPassedTests;
  failedTests = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failedTests = Math.max(failedTests, 1);
}
console.log(`\ntests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
if (failed) console.log(`${failed} check(s) before the tests failed`);
process.exit(vitest || failed || failedTests ? 1 : 0);
