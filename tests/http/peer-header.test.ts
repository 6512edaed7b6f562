// The socket's peer address reaches handlers as x-shop-peer; a client's own copy is dropped.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { installPeerHeader } from '@/lib/http/peer-header';
import { clientAddressOf, parseTrustProxy, PEER_HEADER } from '@/lib/http/client-address';

installPeerHeader();
const server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
afterAll(() => server.close());

function headersSeen(sent: Record<string, string>): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, headers: sent }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the peer header', () => {
  it('carries the socket address, whatever the client sent', async () => {
    const seen = await headersSeen({ [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' });
    expect(seen[PEER_HEADER]).toBe('127.0.0.1');
    const headers = new Headers(seen);
    expect(clientAddressOf(headers, parseTrustProxy('false'))).toBe('127.0.0.1');
    expect(clientAddressOf(headers, parseTrustProxy('1'))).toBe('6.6.6.6'); // one trusted proxy: its word counts
  });
});
