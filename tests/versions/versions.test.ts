// Product versions on both databases: publish, withdraw, the latest and the earlier ones a buyer
// may pick, digests on real downloads (the shop's own reply over HTTP, and through real nginx),
// and update notices (once per buyer and version, in the order's language, opt-out honoured).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, hasCorrectSignature, queryPairs } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { createDownloadToken, downloadTokenRing } from '@/lib/downloads/token';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { serveDownload, type DownloadDeps } from '@/lib/downloads/serve';
import { sendReply } from '@/lib/downloads/reply';
import { saveUpload } from '@/lib/downloads/storage';
import { VersionUnavailable } from '@/lib/downloads/errors';
import { latestVersion, versionById, compareVersions } from '@/lib/versions';
import { publishVersion, setAllowOlderVersions, withdrawVersion, type VersionFile } from '@/lib/versions/publish';
import { optOutPath, queueUpdateNotices, setUpdateNotices, updateNoticeRing } from '@/lib/versions/notices';
import { versionsForBuyer } from '@/lib/versions/buyer';
import { VersionTaken } from '@/lib/versions/errors';
import { publicError } from '@/lib/http/errors';
import { shopServerBlock, startNginx } from '../../e2e/support/nginx';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';

const keys = ['versions-test-key-0123456789abcdefghij'];
const rings = { orders: deriveKeyRing(keys, ORDER_LINK_PURPOSE), downloads: downloadTokenRing(keys) };
const ctx = { publicUrl: 'https://shop.example', orderRing: rings.orders, optOutRing: updateNoticeRing(keys) };
const now = new Date('2026-12-06T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const SLUG = 'paper-engineering-plugin';
const customer = (email: string) => ({ email, fullName: 'Vera Sion', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: 'DE' });
const client = { ip: '203.0.113.9', userAgent: 'VersionsTest/1' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storageDir = mkdtempSync(path.join(tmpdir(), 'versions-test-'));

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

/** A file stored as the upload route stores it (hashed while it streams), as a local version. */
async function uploaded(content: Buffer, fileName = 'plugin.zip'): Promise<VersionFile> {
  const saved = await saveUpload(storageDir, Readable.from([content.subarray(0, 7), content.subarray(7)]), fileName);
  return { kind: 'local', fileName, contentType: 'application/zip', storedName: saved.storedName, sha256: saved.sha256, sizeBytes: saved.bytes };
}

describe('compareVersions', () => {
  it('orders versions part by part, numbers as numbers, pre-releases before their release', () => {
    const sorted = ['1.10', '1.9', '2.0-beta.2', '1.0', '2.0', '1.9.1', '2.0-beta.10', '2.0-alpha'].sort(compareVersions);
    expect(sorted).toEqual(['1.0', '1.9', '1.9.1', '1.10', '2.0-alpha', '2.0-beta.2', '2.0-beta.10', '2.0']);
    expect(compareVersions('1.0', '1')).toBe(0);
    expect(compareVersions('1.0+build7', '1.0')).toBe(0);
  });
});

describe.each(PROVIDERS_UNDER_TEST)('product versions on %s', (provider) => {
  let test: TestDatabase;
  let productId: number;
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    productId = (await test.db.product.findUniqueOrThrow({ where: { slug: SLUG } })).id;
    // The demo seeds no file for the plugin in tests: start from none, as a new product would.
    await test.db.fileSource.deleteMany({ where: { productId } });
    await test.db.productVersion.deleteMany({ where: { productId } });
  });
  afterAll(async () => { await test?.close(); });

  const buy = async (email: string, language: 'en' | 'de' | 'fr' = 'en') => {
    const placed = await placePaidOrder(test.db, [{ slug: SLUG, quantity: 1 }], customer(email), { ring: rings.orders, publicUrl: ctx.publicUrl, now }, { language });
    const license = await test.db.license.findFirstOrThrow({ where: { order: { number: placed.number } } });
    return { ...placed, license, query: queryPairs(placed.signedPath.split('?')[1]) };
  };
  const deps = (extra: Partial<DownloadDeps> = {}): DownloadDeps => ({
    db: test.db, ring: rings.downloads, storageDir, now: later(1), s3: { region: 'us-east-1', forcePathStyle: true }, ...extra,
  });
  const get = (licenseId: number, versionId?: number, method: 'GET' | 'HEAD' = 'GET') => serveDownload({
    method, slug: SLUG, range: null, ifRange: null, client,
    token: createDownloadToken(licenseId, SLUG, rings.downloads, Math.floor(later(1).getTime() / 1000), 300, versionId),
  }, deps());

  const v1 = Buffer.from('plugin version 1.0 '.repeat(1000));
  const v11 = Buffer.from('plugin version 1.1, fixed '.repeat(1500));

  it('publishes versions, serves the newest by version string, keeps older ones and withdraws them', async () => {
    const first = await publishVersion(test.db, { productId, version: '1.0', notes: 'First', file: await uploaded(v1) }, ctx, now);
    expect((await latestVersion(test.db, productId))?.version).toBe('1.0');
    const second = await publishVersion(test.db, { productId, version: '1.10', notes: '', file: await uploaded(v11) }, ctx, later(1));
    await publishVersion(test.db, { productId, version: '1.9', notes: '', file: await uploaded(v1) }, ctx, later(2));
    const latest = await latestVersion(test.db, productId);
    expect(latest).toMatchObject({ id: second.id, version: '1.10', sha256: sha256(v11), sizeBytes: v11.length });
    expect((await test.db.fileSource.findUniqueOrThrow({ where: { productId } })).versionId).toBe(second.id);
    await expect(publishVersion(test.db, { productId, version: '1.9', notes: '', file: await uploaded(v1) }, ctx, later(3)))
      .rejects.toBeInstanceOf(VersionTaken);
    expect(publicError(new VersionTaken(), 'test', 'en').status).toBe(409);

    await withdrawVersion(test.db, productId, second.id, later(4));
    expect((await latestVersion(test.db, productId))?.version).toBe('1.9');
    expect(await versionById(test.db, productId, second.id)).toBeNull();
    expect((await versionById(test.db, productId, first.id))?.notes).toBe('First');
    const source = await test.db.fileSource.findUniqueOrThrow({ where: { productId } });
    expect(source.versionId).not.toBe(second.id);
    expect(source.kind).toBe('local');
  });

  it('sends Repr-Digest and a version ETag on a real local download, and through nginx', async () => {
    const published = await publishVersion(test.db, { productId, version: '1.11', notes: '## Fixed\n\n* the **hinge**\n\n<script>x()</script>', file: await uploaded(v11) }, ctx, later(5));
    const { license } = await buy('headers@example.com');
    const server = await serveOverHttp(async (_req, res) => { await sendReply(res, await get(license.id), 'GET'); });
    const response = await fetch(server.url);
    const body = Buffer.from(await response.arrayBuffer());
    expect(sha256(body)).toBe(sha256(v11));
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(v11).digest('base64')}:`);
    expect(response.headers.get('etag')).toBe(`"v${published.id}-${sha256(v11).slice(0, 32)}"`);
    server.close();

    // Offloaded: the shop answers X-Accel-Redirect; nginx (deploy/nginx/shop.conf) sends the bytes with the same headers.
    const shopSide = await serveOverHttp(async (req, res) => {
      const reply = await serveDownload({
        method: 'GET', slug: SLUG, range: null, ifRange: null, client,
        token: createDownloadToken(license.id, SLUG, rings.downloads, Math.floor(later(1).getTime() / 1000)),
      }, deps({ offload: 'nginx' }));
      await sendReply(res, reply, req.method ?? 'GET');
    });
    const port = 20000 + Math.floor(Math.random() * 20000);
    const nginx = await startNginx(port, shopServerBlock(port, new URL(shopSide.url).host, storageDir));
    try {
      const offloaded = await fetch(`${nginx.url}/api/downloads/${SLUG}`);
      expect(sha256(Buffer.from(await offloaded.arrayBuffer()))).toBe(sha256(v11));
      expect(offloaded.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(v11).digest('base64')}:`);
      const etag = offloaded.headers.get('etag');
      expect(etag).toBe(`"v${published.id}-${sha256(v11).slice(0, 32)}"`);
      // nginx answers If-Range by the version's ETag: the same version resumes, any other validator gets the whole file.
      const resumed = await fetch(`${nginx.url}/api/downloads/${SLUG}`, { headers: { range: 'bytes=10-19', 'if-range': etag! } });
      expect(resumed.status).toBe(206);
      expect(Buffer.from(await resumed.arrayBuffer())).toEqual(v11.subarray(10, 20));
      const stale = await fetch(`${nginx.url}/api/downloads/${SLUG}`, { headers: { range: 'bytes=10-19', 'if-range': '"v1-old"' } });
      expect(stale.status).toBe(200);
      await stale.arrayBuffer();
    } finally {
      await nginx.stop();
      shopSide.close();
    }

    const view = (await versionsForBuyer(test.db, [SLUG])).get(SLUG)!;
    expect(view.current).toMatchObject({ version: '1.11', sha256: sha256(v11), sizeBytes: v11.length });
    expect(view.current!.notesHtml).toContain('<strong>hinge</strong>');
    expect(view.current!.notesHtml).not.toContain('<script');
    expect(view.earlier).toEqual([]);
  });

  it('lets buyers pick an earlier version only when the admin allows it', async () => {
    const { license, number, query } = await buy('older@example.com');
    const older = (await test.db.productVersion.findFirstOrThrow({ where: { productId, version: '1.0' } })).id;
    const request = { orderNumber: number, orderLinkQuery: query, sessionOrders: [number], licenseId: license.id, productSlug: SLUG, versionId: older };
    await setAllowOlderVersions(test.db, productId, false);
    await expect(issueDownloadToken(test.db, request, rings, later(1))).rejects.toBeInstanceOf(VersionUnavailable);
    await expect(get(license.id, older)).rejects.toBeInstanceOf(VersionUnavailable);
    expect((await versionsForBuyer(test.db, [SLUG])).get(SLUG)!.earlier).toEqual([]);

    await setAllowOlderVersions(test.db, productId, true);
    const issued = await issueDownloadToken(test.db, request, rings, later(1));
    const reply = await serveDownload({ method: 'GET', slug: SLUG, range: null, ifRange: null, client, token: issued.token }, deps());
    expect(reply.headers['Repr-Digest']).toBe(`sha-256=:${createHash('sha256').update(v1).digest('base64')}:`);
    expect(reply.headers.ETag).toMatch(new RegExp(`^"v${older}-`));
    expect(reply.file!.end + 1).toBe(v1.length);
    const earlier = (await versionsForBuyer(test.db, [SLUG])).get(SLUG)!.earlier.map((v) => v.version);
    expect(earlier).toEqual(['1.9', '1.0']); // newest first; 1.10 is withdrawn
    const withdrawn = (await test.db.productVersion.findFirstOrThrow({ where: { productId, version: '1.10' } })).id;
    await expect(issueDownloadToken(test.db, { ...request, versionId: withdrawn }, rings, later(1))).rejects.toBeInstanceOf(VersionUnavailable);
    await setAllowOlderVersions(test.db, productId, false);
  });

  it('emails each buyer once per version, in the order\'s language, with the order link, and honours the opt-out', async () => {
    await test.db.outboxMessage.deleteMany({ where: { kind: 'update-notice' } });
    const german = await buy('kaeufer@example.de', 'de');
    const twice = [await buy('Twice@Example.com'), await buy('twice@example.com')];
    const quiet = await buy('quiet@example.com');
    await setUpdateNotices(test.db, quiet.number, false);
    const refunded = await buy('refunded@example.com');
    await test.db.license.update({ where: { id: refunded.license.id }, data: { status: 'revoked' } });

    const published = await publishVersion(test.db, { productId, version: '2.0', notes: 'Neue Falze', file: await uploaded(v11, 'plugin-2.zip') }, ctx, later(10));
    const mails = await test.db.outboxMessage.findMany({ where: { kind: 'update-notice' } });
    const to = (email: string) => mails.filter((m) => m.recipient.toLowerCase() === email);
    expect(to('kaeufer@example.de')).toHaveLength(1);
    expect(to('twice@example.com')).toHaveLength(1);
    expect(to('quiet@example.com')).toHaveLength(0);
    expect(to('refunded@example.com')).toHaveLength(0);
    expect(published.noticesQueued).toBe(mails.length);

    const de = to('kaeufer@example.de')[0];
    // The product as the German order named it.
    expect(de.subject).toBe('Papiertechnik-Plugin (ZIP) 2.0 ist erschienen');
    expect(de.text).toContain('Version 2.0 von Papiertechnik-Plugin (ZIP) wurde am 6. Dezember 2026');
    expect(de.text).toContain('Neue Falze');
    expect(de.text).toContain(`${ctx.publicUrl}${german.signedPath}`);
    expect(de.text).not.toContain('/api/downloads');
    expect(de.text).not.toContain('token=');
    // The newest order of a buyer with two carries the link.
    expect(to('twice@example.com')[0].text).toContain(`/orders/${twice[1].number}?`);

    // Queued again (a retried publish): nobody is told twice.
    await test.db.$transaction((tx) => queueUpdateNotices(tx, { ...published, productId, version: '2.0', notes: '', publishedAt: later(10) }, ctx, later(11)));
    expect(await test.db.outboxMessage.count({ where: { kind: 'update-notice' } })).toBe(mails.length);

    // The opt-out link in the mail is signed for that order's opt-out page, and honoured by the next version.
    const optOut = de.text.split('\n').find((line) => line.includes(optOutPath(german.number)))!;
    const url = new URL(optOut);
    expect(hasCorrectSignature(url.pathname, queryPairs(url.search.slice(1)), ctx.optOutRing)).toBe(true);
    expect(hasCorrectSignature(optOutPath(quiet.number), queryPairs(url.search.slice(1)), ctx.optOutRing)).toBe(false);
    await setUpdateNotices(test.db, german.number, false);
    await publishVersion(test.db, { productId, version: '2.1', notes: '', file: await uploaded(v1) }, ctx, later(20));
    expect(await test.db.outboxMessage.count({ where: { kind: 'update-notice', recipient: 'kaeufer@example.de' } })).toBe(1);
    expect(await test.db.outboxMessage.count({ where: { kind: 'update-notice', recipient: { in: ['Twice@Example.com', 'twice@example.com'] } } })).toBe(2);

    // An older version published later (a 1.x hotfix) is not news.
    const hotfix = await publishVersion(test.db, { productId, version: '1.12', notes: '', file: await uploaded(v1) }, ctx, later(30));
    expect(hotfix.noticesQueued).toBe(0);
  });
});

async function serveOverHttp(handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>) {
  const server: Server = createServer((req, res) => { handler(req, res).catch((error) => { res.statusCode = 500; res.end(String(error)); }); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/api/downloads/${SLUG}`, close: () => server.close() };
}

