// npm run demo: the whole shop on its embedded default (SQLite under data/),
// production build, secrets generated once and kept under data/.
//   npm run demo -- --no-build   restart on the last build (after a stop, or a change of settings)
//   npm run demo -- --reset      start again from the seeded catalogue: orders, uploads and edits gone
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { devSecret } from '../lib/config';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  APP_KEYS: process.env.APP_KEYS || devSecret('app-key'),
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || devSecret('admin-password'),
  // The demo is a local trial on http://localhost.
  ALLOW_INSECURE_HTTP: process.env.ALLOW_INSECURE_HTTP || 'true',
  // Production refuses to start without a payment provider: the demo pays on the test payment page.
  PAYMENT_PROVIDER: process.env.PAYMENT_PROVIDER || 'test',
};

function run(command: string, args: string[], extra: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extra } as NodeJS.ProcessEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => !['--no-build', '--reset'].includes(arg));
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}: npm run demo [-- --no-build] [-- --reset]`);
  process.exit(2);
}
if (args.includes('--reset')) {
  // The database and the uploaded files go; the admin password and signing keys under data/ stay.
  rmSync(env.STORAGE_DIR || 'data/files', { recursive: true, force: true });
  run('npx', ['tsx', 'scripts/db/setup.ts', '--fresh']);
} else {
  run('npx', ['tsx', 'scripts/db/setup.ts']);
}
if (!args.includes('--no-build') || !existsSync('.next/BUILD_ID')) run('npx', ['next', 'build']);
const port = env.PORT || '3000';
console.log(`\n  Shop:  ${env.PUBLIC_URL || `http://localhost:${port}`}\n  Admin: ${env.PUBLIC_URL || `http://localhost:${port}`}/admin  password: ${env.ADMIN_PASSWORD}\n`);
const server = spawn('npx', ['tsx', 'scripts/start.ts', '-p', port], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } as NodeJS.ProcessEnv });
server.on('exit', (code) => process.exit(code ?? 0));
