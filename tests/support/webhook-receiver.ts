// A real receiving HTTP server for outgoing webhooks: it checks each request with the
// standardwebhooks library's own Webhook.verify and answers 2xx only for a good signature.
// It can fail a share of requests (500) and be down (not listening) for a while, and counts,
// per webhook-id, the 2xx answers it gave (more than one is a redelivery).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent { id: string; type: string; body: unknown; signature: string }

export interface Receiver {
  url: string;
  /** 2xx answers given per webhook-id. */
  acks: Map<string, number>;
  received: ReceivedEvent[];
  rejectedSignatures: number;
  failedOnPurpose: number;
  /** 0…1: the share of good requests answered 500 instead. */
  failRate: number;
  /** Milliseconds to wait before answering. */
  delayMs: number;
  /** What a 2xx answer's body says. */
  answer: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A small deterministic generator, so a fault run is the same each time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startReceiver(secrets: () => readonly string[], { seed = 1 } = {}): Promise<Receiver> {
  const random = seededRandom(seed);
  const sockets = new Set<import('node:net').Socket>();
  const receiver: Receiver = {
    url: '', acks: new Map(), received: [], rejectedSignatures: 0, failedOnPurpose: 0, failRate: 0, delayMs: 0, answer: 'ok',
    async down() {
      await new Promise<void>((resolve) => { server.close(() => resolve()); for (const socket of sockets) socket.destroy(); });
    },
    async up() {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close() { return receiver.down(); },
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const verified = secrets().some((secret) => {
        try { new Webhook(secret).verify(body, headers); return true; } catch { return false; }
      });
      const reply = () => {
        if (!verified) { receiver.rejectedSignatures += 1; response.writeHead(401).end('bad signature'); return; }
        if (random() < receiver.failRate) { receiver.failedOnPurpose += 1; response.writeHead(500).end('failing on purpose'); return; }
        const id = headers['webhook-id'];
        const parsed = JSON.parse(body) as { type: string };
        receiver.received.push({ id, type: parsed.type, body: parsed, signature: headers['webhook-signature'] });
        receiver.acks.set(id, (receiver.acks.get(id) ?? 0) + 1);
        response.writeHead(200, { 'content-type': 'text/plain' }).end(receiver.answer);
      };
      if (receiver.delayMs > 0) setTimeout(reply, receiver.delayMs); else reply();
    });
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hooks`;
  return receiver;
}
