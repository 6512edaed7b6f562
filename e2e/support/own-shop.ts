// A production shop server a spec starts for itself (another database, another
// port), next to the one playwright.config.ts starts for every spec.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { APP_ENV } from './env';

export interface OwnShop { url: string; log: () => string; stop(): Promise<void> }

export async function startOwnShop(port: number, env: Record<string, string>): Promise<OwnShop> {
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...APP_ENV, PORT: String(port), PUBLIC_URL: url, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk) => { output += chunk; });
  server.stderr!.on('data', (chunk) => { output += chunk; });
  for (let i = 0; ; i += 1) {
    if (server.exitCode !== null) throw new Error(`the shop on ${port} exited:\n${output}`);
    try {
      await fetch(`${url}/favicon.ico`);
      break;
    } catch {
      if (i > 600) throw new Error(`the shop on ${port} did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    log: () => output,
    async stop() {
      if (server.exitCode !== null) return;
      server.kill();
      await once(server, 'exit');
    },
  };
}
