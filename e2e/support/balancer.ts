// A load balancer in front of several shop instances, for a spec: one public address (the
// shops' PUBLIC_URL), and the instance that serves a request chosen by the test with the
// `x-e2e-instance` header (a browser context sets it for all its requests), else the first.
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const INSTANCE_HEADER = 'x-e2e-instance';

export interface Balancer { url: string; close(): Promise<void> }

export async function startBalancer(port: number, upstreams: Record<string, string>): Promise<Balancer> {
  const names = Object.keys(upstreams);
  const server: Server = createServer((req, res) => {
    const chosen = String(req.headers[INSTANCE_HEADER] ?? names[0]);
    const upstream = upstreams[chosen];
    if (!upstream) {
      res.writeHead(502).end(`no instance ${chosen}`);
      return;
    }
    const { hostname, port: upstreamPort } = new URL(upstream);
    const proxied = forward({ hostname, port: upstreamPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    proxied.on('error', (error) => res.writeHead(502).end(`instance ${chosen}: ${error.message}`));
    req.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
