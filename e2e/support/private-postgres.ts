// A PostgreSQL server of the test's own (data directory in a temp dir, its own
// port), so a spec can stop and start it without disturbing any other test.
// initdb refuses to run as root, so as root the server runs as the postgres user.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

function binary(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  return `/usr/lib/postgresql/${versions[0]}/bin/${name}`;
}

export interface PrivatePostgres {
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  start(): void;
  stop(): void;
  destroy(): void;
}

export function initPrivatePostgres(port: number): PrivatePostgres {
  const dir = mkdtempSync(path.join(tmpdir(), 'shop-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (name: string, args: string[]) => {
    const [command, fullArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary(name), ...args]] : [binary(name), args];
    execFileSync(command, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  let running = false;
  const server = {
    url: (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name: string) {
      const admin = new pg.Client({ connectionString: server.url('postgres') });
      await admin.connect();
      try { await admin.query(`CREATE DATABASE ${name}`); } finally { await admin.end(); }
      return server.url(name);
    },
    start() {
      run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
      running = true;
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    destroy() {
      if (running) server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
