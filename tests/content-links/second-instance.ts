// A second shop instance for tests/content-links/revocation.test.ts: its own process, its own
// composition root (settings, database client, key cache) on the same database, answering the
// access API. Reads one JSON request per line on stdin ({ slug, link }), writes one JSON line
// per answer ({ status, error }). Run with tsx; DATABASE_URL, PUBLIC_URL and APP_KEYS from the env.
import { createInterface } from 'node:readline';
import { GET } from '@/app/api/access/[slug]/route';

for await (const line of createInterface({ input: process.stdin })) {
  const { slug, link } = JSON.parse(line) as { slug: string; link: string };
  const response = await GET(new Request(`${process.env.PUBLIC_URL}/api/access/${slug}`, { headers: { 'X-Signed-Url': link } }), { params: Promise.resolve({ slug }) });
  const body = (await response.json()) as { error?: string };
  process.stdout.write(`${JSON.stringify({ status: response.status, error: body.error ?? null })}\n`);
}
