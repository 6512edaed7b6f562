// Shared by the benchmarks: a fresh demo database (SQLite or PostgreSQL), the
// production shop started on it, external clients (wrk, curl), memory of a
// process tree, medians, and the one output format: figure, baseline, ratio.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { createDb, type Db } from '../lib/db/client';
import { applyMigrations } from '../lib/db/migrate';
import { createTemporaryPgDatabase, pgTestUrl } from '../lib/db/migration-drift';
import { seedDemoCatalog } from '../lib/demo/catalog';
import { placeOrder } from '../lib/checkout/place-order';
import { completeTestPayment } from '../lib/payments/providers/test';
import { orderLinkRing } from '../lib/order-access/links';
import type { Provider } from '../lib/db/schema-files';

const run = promisify(execFile);

export const APP_KEYS = 'bench-key-0123456789abcdefghijklmnopqrstuv';
/** Bench servers live on 4000 + BENCH_PORT_OFFSET (default 300) + n. */
export const benchPort = (n: number) => 4000 + Number(process.env.BENCH_PORT_OFFSET ?? 300) + 50 + n;
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const CUSTOMER = { email: 'bench@example.com', fullName: 'Bench', addressLine1: '1', addressLine2: '', city: 'B', postalCode: '1', country: 'IE' };

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface BenchDatabase { url: string; db: Db; drop(): Promise<void> }

export async function benchDatabase(provider: Provider, sqliteFile: string): Promise<BenchDatabase> {
  const temp = provider === 'postgresql' ? await createTemporaryPgDatabase(pgTestUrl()) : null;
  const url = temp?.url ?? `file:${sqliteFile}`;
  await applyMigrations(url);
  const db = createDb(url);
  await seedDemoCatalog(db);
  return { url, db, async drop() { await db.$disconnect(); await temp?.drop(); } };
}

/** One order of `slug` (or one of each slug), placed and paid on the test payment page: its licences exist after. */
export async function buyOnce(db: Db, slug: string | string[]) {
  const ctx = { ring: orderLinkRing([APP_KEYS]), publicUrl: 'http://127.0.0.1', now: new Date(), provider: 'test', payWithinMs: 86_400_000 } as const;
  const placed = await placeOrder(db, [slug].flat().map((s) => ({ slug: s, quantity: 1 })), CUSTOMER, ctx);
  if (!placed.paid) await completeTestPayment(db, placed.number, 'pay', ctx, ctx.now);
  return placed;
}

export interface Server { process: ChildProcess; url: string; stop(): Promise<void> }

export async function waitFor(url: string, server?: ChildProcess) {
  for (let i = 0; i < 600; i += 1) {
    if (server && server.exitCode !== null) throw new Error(`${url}: the server exited`);
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${url} did not come up`);
}

export async function startServer(command: string, args: string[], port: number, env: Record<string, string> = {}, cwd?: string): Promise<Server> {
  // Server output is kept for an error message only: the AWS SDK warns about the Node version on every start.
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk) => { errors = (errors + chunk).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/favicon.ico`, child).catch((error) => { throw new Error(`${error.message}\n${errors}`); });
  return {
    process: child,
    url,
    async stop() { if (child.exitCode === null) { child.kill(); await once(child, 'exit'); } },
  };
}

/** The production shop built in `cwd` (default: this checkout's build). */
export function startShop(port: number, env: Record<string, string>, cwd?: string): Promise<Server> {
  return startServer(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '-H', '127.0.0.1', '-p', String(port)], port, {
    NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', APP_KEYS, ADMIN_PASSWORD: APP_KEYS, PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Plain http on loopback is a local trial; the shop refuses it otherwise in production.
    ALLOW_INSECURE_HTTP: 'true',
    // Production refuses to start without a payment provider; the benches pay on the test page.
    PAYMENT_PROVIDER: 'test',
    // One client address sends every request here: the limits would measure the limiter, not the page.
    RATE_LIMITS: 'order-lookup=999999999/60,download-token=999999999/60',
    ...env,
  }, cwd);
}

export interface WrkResult {
  rps: number; p99ms: number; requests: number;
  /** Non-2xx/3xx answers and socket errors (wrk's timeouts: answers slower than 10 s). */
  errors: number; errorKinds: string;
}

/** wrk with latency percentiles; `script` is a Lua file and its arguments. */
export async function wrk(url: string, { connections = 64, seconds = 8, threads = 2, script = [] as string[], headers = [] as string[] } = {}): Promise<WrkResult> {
  // A 10 s timeout: at saturation an answer can take over wrk's default 2 s, and should count in the p99, not as an error.
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '--latency', ...headers.flatMap((h) => ['-H', h]), ...(script.length ? ['-s', script[0]] : []), url, ...(script.length > 1 ? ['--', ...script.slice(1)] : [])];
  const { stdout } = await run('wrk', args, { maxBuffer: 1 << 24 });
  const unit = (value: string, u: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[u];
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  const requests = /(\d+) requests in/.exec(stdout);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  if (!p99 || !rps) throw new Error(`wrk output not understood:\n${stdout}`);
  const kinds: [string, number][] = [['non-2xx/3xx', Number(non2xx?.[1] ?? 0)],
    ...['connect', 'read', 'write', 'timeout'].map((kind, i): [string, number] => [kind, Number(socketErrors?.[i + 1] ?? 0)])];
  const errors = kinds.reduce((sum, [, n]) => sum + n, 0);
  const errorKinds = kinds.filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`).join(', ');
  return { rps: Number(rps[1]), p99ms: unit(p99[1], p99[2]), errors, errorKinds, requests: Number(requests?.[1] ?? 0) };
}

/** curl as the client, discarding the body: returns MiB/s. */
export async function curlMiBs(url: string, expectedBytes: number): Promise<number> {
  const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{speed_download}', url]);
  const [status, size, speed] = stdout.trim().split(' ');
  if (!['200', '206'].includes(status) || Number(size) !== expectedBytes) throw new Error(`${url}: HTTP ${status}, ${size} bytes`);
  return Number(speed) / 2 ** 20;
}

function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch { /* exited */ }
  }
  const tree: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

const sumOverTree = (rootPid: number, read: (pid: number) => number) =>
  processTree(rootPid).reduce((total, pid) => { try { return total + read(pid); } catch { return total; } }, 0);

export function rssOfTree(rootPid: number): number {
  return sumOverTree(rootPid, (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
}

/** CPU time (user + system, ms) a process tree has used: per-request cost that other load on the machine does not distort. */
export function cpuMsOfTree(rootPid: number): number {
  const ticksPerSecond = 100;
  return sumOverTree(rootPid, (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  });
}

/** wrk against a server, also measuring the server's CPU per request. */
export async function wrkWithCpu(server: Server, options: Parameters<typeof wrk>[1] = {}, path = '') {
  const before = cpuMsOfTree(server.process.pid!);
  const result = await wrk(`${server.url}${path}`, options);
  return { ...result, cpuMsPerRequest: (cpuMsOfTree(server.process.pid!) - before) / Math.max(1, result.requests) };
}

/** One result line: the figure, the baseline measured in the same run, and their ratio against a target. */
export function report(name: string, figure: string, baseline: string, ratio: number, target?: number) {
  const verdict = target === undefined ? '' : ratio >= target ? `  (target ≥ ${target}: met)` : `  (target ≥ ${target}: NOT met)`;
  console.log(`  ${name}\n      figure ${figure} | baseline ${baseline} | ratio ${ratio.toFixed(2)}${verdict}`);
}
