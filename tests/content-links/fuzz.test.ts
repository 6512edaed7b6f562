// Generated links and headers against the access API's route handler and the article page's
// resolver, on a real database: every answer is a short 4xx or a 200, never a 500 or a throw.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';

vi.stubEnv('PUBLIC_URL', 'https://shop.example');
vi.stubEnv('APP_KEYS', 'fuzz-test-app-key-0123456789abcdefghij');
vi.stubEnv('CONTENT_ALLOWED_ORIGINS', 'https://blog.example');

const { GET } = await import('@/app/api/access/[slug]/route');
const { contentLinkSigner, accessContext } = await import('@/lib/server/content-links');
const { resolveArticlePage } = await import('@/lib/content-links/article-page');
const { shop } = await import('@/lib/server/shop');
const { signContentLink, passPath, articlePath } = await import('@/lib/content-links/link');

const ALLOWED_STATUS = new Set([200, 400, 401, 403, 404, 410]);
const DAY = 86_400_000;
let valid: string[];
const VALID_LINKS = 4; // the links useDatabase signs, mutated below

async function useDatabase(test: TestDatabase) {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // every refusal is logged; 500s go to console.error
  // the route's composition root on this provider's database, and a key cache filled from it
  Object.assign(shop(), { database: () => ({ db: test.db, reachable: async () => true }) });
  Object.assign(globalThis, { contentLinkKeys: undefined });
  const { key, publicOrigin } = await contentLinkSigner(new Date());
  const se = Date.now() + DAY;
  valid = [
    signContentLink(publicOrigin, articlePath('how-pop-ups-work'), { sp: 'cms-how-pop-ups-work', se, si: 'article-how-pop-ups-work' }, key),
    signContentLink(publicOrigin, passPath('studio-pass'), { se, si: 'studio-pass' }, key),
    signContentLink(publicOrigin, articlePath('v-fold-tutorial'), { se: Date.now() - 1, si: 'studio-pass' }, key),
    // genuine, but its grant reference names no grant: refused as revoked (one lookup)
    signContentLink(publicOrigin, articlePath('how-pop-ups-work'), { sp: 'cms-how-pop-ups-work', se, si: 'article-how-pop-ups-work', sg: 'AAAAAAAAAAAAAAAAAAAAAA' }, key),
  ];
}

/** Header values must be ByteStrings without control characters, as on the wire. */
const headerSafe = (value: string) => Buffer.from(value, 'utf8').toString('latin1')
  .replace(/[\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).trim().slice(0, 8000);

const mutation = fc.oneof(
  fc.record({ at: fc.nat(), text: fc.string({ maxLength: 6 }) }).map(({ at, text }) => (link: string) => link.slice(0, at % (link.length + 1)) + text + link.slice(at % (link.length + 1) + 1)),
  fc.nat().map((at) => (link: string) => link.slice(0, at % (link.length + 1))),
  fc.constantFrom('&ss=', '&ss=%', '?ss=', '&se=99999999999999999999', '&sp=', '#frag', '%00', '%E0%A4%A', '&si=', ' ', '+', '//')
    .map((piece) => (link: string) => link + piece),
  fc.constant((link: string) => link.replace('https://shop.example', 'http://evil.example')),
  fc.constant((link: string) => link.replace(/\/articles\/[^?]+/, '/articles/how-pop-ups')),
  fc.constant((link: string) => link.replace(/ss=(.)/, (_m, c) => `ss=${c === 'A' ? 'B' : 'A'}`)),
  fc.constantFrom('&sg=%2F&sk=', '&sg=&sk=', `&sg=${'A'.repeat(65)}&sk=`, '&sg=BBBBBBBBBBBBBBBBBBBBBB&sk=', '&sk=')
    .map((piece) => (link: string) => link.replace(/&sg=[^&]*&sk=|&sk=/, piece)),
);

const linkArb = fc.oneof(
  fc.tuple(fc.nat(VALID_LINKS - 1), fc.array(mutation, { maxLength: 3 })).map(([i, ms]) => ms.reduce((link, m) => m(link), valid[i])),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.nat(VALID_LINKS - 1).map((i) => valid[i]),
);

const slugArb = fc.oneof(
  fc.constantFrom('how-pop-ups-work', 'v-fold-tutorial', 'floating-layers-tutorial', 'choosing-paper', 'studio-pass'),
  fc.string({ maxLength: 120 }),
  fc.stringMatching(/^[a-z0-9-]{1,110}$/),
);

describe.each(PROVIDERS_UNDER_TEST)('fuzzing signed links on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => { test = await openTestDatabase(provider); await useDatabase(test); });
  afterAll(async () => { await test?.close(); });

  it('the access API answers 10,000 generated requests with a 200 or a short 4xx', async () => {
    let count = 0;
    await fc.assert(fc.asyncProperty(slugArb, linkArb, fc.constantFrom('X-Sesamy-Signed-Url', 'X-Signed-Url', 'X-Other'), fc.option(fc.constantFrom('https://blog.example', 'https://evil.example', 'null')),
      async (slug, link, header, origin) => {
        count += 1;
        const headers = new Headers({ [header]: headerSafe(link) });
        if (origin) headers.set('origin', origin);
        const request = new Request(`https://shop.example/api/access/${encodeURIComponent(slug)}`, { headers });
        const response = await GET(request, { params: Promise.resolve({ slug }) });
        expect(ALLOWED_STATUS.has(response.status), `${response.status} for ${slug} ${link}`).toBe(true);
        const body = await response.json();
        if (response.status === 200) expect(Object.keys(body).sort()).toEqual(['html', 'slug', 'title']);
        else expect(body.message.length).toBeLessThan(120);
        expect(response.headers.get('access-control-allow-origin')).toBe(origin === 'https://blog.example' ? origin : null);
      }), { numRuns: 10_000 });
    expect(count).toBeGreaterThanOrEqual(10_000);
  }, 300_000);

  it('the article page decides 2,000 generated links and pass links without throwing', async () => {
    await fc.assert(fc.asyncProperty(slugArb, fc.option(linkArb), fc.option(linkArb), async (slug, link, pass) => {
      const page = await resolveArticlePage(accessContext(new Date()), slug, { link, pass });
      if (page?.state === 'unlocked') expect(page.article.free || Boolean(link || pass)).toBe(true);
    }), { numRuns: 2_000 });
  }, 300_000);
});
