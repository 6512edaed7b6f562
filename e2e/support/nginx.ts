// Real nginx (Debian's /usr/sbin/nginx) for a test or benchmark: a throw-away
// prefix with the repository's server block (deploy/nginx/shop.conf) or a plain
// static one, run in the foreground and stopped by the caller.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';

export interface RunningNginx { url: string; pid: number; stop(): Promise<void> }

/** The repository's documented server block with its placeholders filled in. */
export function shopServerBlock(listenPort: number, shopAddress: string, storageDir: string): string {
  return readFileSync('deploy/nginx/shop.conf', 'utf8')
    .replaceAll('__LISTEN__', `127.0.0.1:${listenPort}`)
    .replaceAll('__SHOP__', shopAddress)
    .replaceAll('__STORAGE_DIR__', `${path.resolve(storageDir)}/`);
}

/** A plain static server for one directory, with sendfile: the strongest baseline for local files. */
export function staticServerBlock(listenPort: number, root: string): string {
  return `server { listen 127.0.0.1:${listenPort}; location / { root ${path.resolve(root)}; sendfile on; sendfile_max_chunk 2m; tcp_nopush on; } }`;
}

export async function startNginx(listenPort: number, serverBlock: string): Promise<RunningNginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'shop-nginx-'));
  mkdirSync(path.join(prefix, 'logs'));
  // As root, workers would switch to nobody, who cannot read a test's temp files.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  writeFileSync(path.join(prefix, 'nginx.conf'), `${user}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  keepalive_requests 100000;
${serverBlock}
}
`);
  const server: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  server.stderr!.on('data', (chunk) => { errors += chunk; });
  const url = `http://127.0.0.1:${listenPort}`;
  for (let i = 0; ; i += 1) {
    if (server.exitCode !== null) throw new Error(`nginx exited: ${errors}${readFileSync(path.join(prefix, 'logs/error.log'), 'utf8')}`);
    try { await fetch(`${url}/favicon.ico`); break; } catch { /* not yet */ }
    if (i > 100) throw new Error('nginx did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    pid: server.pid!,
    async stop() {
      if (server.exitCode === null) { server.kill('SIGQUIT'); await once(server, 'exit'); }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
