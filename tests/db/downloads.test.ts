import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, queryPairs } from '@/lib/signing';
import { ORDER_LINK_PURPOSE } from '@/lib/order-access/links';
import { OrderAccessDenied } from '@/lib/order-access/errors';
import { issueDownloadToken } from '@/lib/downloads/issue-token';
import { claimDownload, recordBytesSent, recordDownload, resolveDownload } from '@/lib/downloads/authorize';
import { serveDownload } from '@/lib/downloads/serve';
import { createDownloadToken, downloadTokenRing } from '@/lib/downloads/token';
import { setLicenseStatus } from '@/lib/downloads/licenses';
import { downloadStore } from '@/lib/downloads/store';
import { saveProductDownloadSettings, saveUploadedFile } from '@/lib/downloads/settings';
import {
  DownloadLimitReached, FileUnavailable, LicenseExpired, LicenseNotFound, LicenseRevoked, WrongProduct,
} from '@/lib/downloads/errors';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';
import { FileSourceMisconfigured } from '@/lib/downloads/errors';
import { publicError } from '@/lib/http/errors';

const keys = ['downloads-test-key-0123456789abcdefghij'];
const rings = { orders: deriveKeyRing(keys, ORDER_LINK_PURPOSE), downloads: downloadTokenRing(keys) };
const now = new Date('2026-11-24T10:00:00Z');
const nowSeconds = now.getTime() / 1000;
const customer = { email: 'dl@example.com', fullName: 'Dee Ell', addressLine1: '1 Road', addressLine2: '', city: 'Cork', postalCode: 'T12', country: 'IE' };
const client = (n = 0) => ({ ip: `203.0.113.${n % 250}`, userAgent: `Browser/${n}` });

describe.each(PROVIDERS_UNDER_TEST)('downloads on %s', (provider) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'paper-engineering-plugin' } });
    await saveProductDownloadSettings(test.db, product.id, { downloadLimit: 3, licenseDays: 30 },
      { kind: 'external', fileName: 'plugin.zip', externalUrl: 'https://files.example/plugin.zip' }, now);
  });
  afterAll(async () => { await test?.close(); });

  async function buy(slugs = ['paper-engineering-plugin']) {
    const placed = await placePaidOrder(test.db, slugs.map((slug) => ({ slug, quantity: 1 })), customer,
      { ring: rings.orders, publicUrl: 'https://shop.example', now });
    const licenses = await test.db.license.findMany({ where: { order: { number: placed.number } }, orderBy: { id: 'asc' } });
    return { ...placed, licenses, query: queryPairs(placed.signedPath.split('?')[1]) };
  }
  const tokenFor = (licenseId: number, slug = 'paper-engineering-plugin') => createDownloadToken(licenseId, slug, rings.downloads, nowSeconds);

  it('creates one license per digital order line, with the product\'s limit and expiry', async () => {
    const { licenses } = await buy(['paper-engineering-plugin', 'printable-card-templates', 'pop-up-castle']);
    expect(licenses).toHaveLength(2);
    const plugin = licenses.find((l) => l.downloadLimit === 3)!;
    expect(plugin.status).toBe('active');
    expect(plugin.expiresAt?.toISOString()).toBe('2026-12-24T10:00:00.000Z');
  });

  it('issues tokens only to the FULL tier of the order that holds the license', async () => {
    const order = await buy();
    const request = { orderNumber: order.number, orderLinkQuery: order.query, sessionOrders: [order.number], licenseId: order.licenses[0].id, productSlug: 'paper-engineering-plugin' };
    const issued = await issueDownloadToken(test.db, request, rings, now);
    expect(issued.url).toBe(`/api/downloads/paper-engineering-plugin?token=${issued.token}`);
    await expect(issueDownloadToken(test.db, { ...request, sessionOrders: [] }, rings, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    await expect(issueDownloadToken(test.db, { ...request, orderLinkQuery: [] }, rings, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    const other = await buy();
    await expect(issueDownloadToken(test.db, { ...request, licenseId: other.licenses[0].id }, rings, now)).rejects.toBeInstanceOf(LicenseNotFound);
    await expect(issueDownloadToken(test.db, { ...request, productSlug: 'printable-card-templates' }, rings, now)).rejects.toBeInstanceOf(WrongProduct);
  });

  it('refuses a token for another product, a revoked or expired license, and a product without a file', async () => {
    const order = await buy(['paper-engineering-plugin', 'printable-card-templates']);
    const [plugin, templates] = order.licenses;
    await expect(resolveDownload(test.db, tokenFor(plugin.id), 'printable-card-templates', rings.downloads, now)).rejects.toBeInstanceOf(WrongProduct);
    await expect(resolveDownload(test.db, tokenFor(plugin.id, 'printable-card-templates'), 'printable-card-templates', rings.downloads, now)).rejects.toBeInstanceOf(WrongProduct);
    await expect(resolveDownload(test.db, tokenFor(templates.id, 'printable-card-templates'), 'printable-card-templates', rings.downloads, now)).rejects.toBeInstanceOf(FileUnavailable);
    await expect(resolveDownload(test.db, tokenFor(999_999), 'paper-engineering-plugin', rings.downloads, now)).rejects.toBeInstanceOf(LicenseNotFound);

    const outstanding = tokenFor(plugin.id);
    await resolveDownload(test.db, outstanding, 'paper-engineering-plugin', rings.downloads, now);
    await setLicenseStatus(test.db, plugin.id, 'revoked', now);
    await expect(resolveDownload(test.db, outstanding, 'paper-engineering-plugin', rings.downloads, now)).rejects.toBeInstanceOf(LicenseRevoked);
    await setLicenseStatus(test.db, plugin.id, 'active', now);
    await resolveDownload(test.db, outstanding, 'paper-engineering-plugin', rings.downloads, now);

    const later = new Date('2027-01-01T00:00:00Z');
    const lateToken = createDownloadToken(plugin.id, 'paper-engineering-plugin', rings.downloads, later.getTime() / 1000);
    await expect(resolveDownload(test.db, lateToken, 'paper-engineering-plugin', rings.downloads, later)).rejects.toBeInstanceOf(LicenseExpired);
  });

  it('remembers an uploaded file, its name and type, while another source is chosen', async () => {
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'svg-cut-files' } });
    const limits = { downloadLimit: null, licenseDays: null };
    await saveUploadedFile(test.db, product.id, { storedName: 'a'.repeat(32) + '.zip', fileName: 'Cut files.zip', contentType: 'application/zip' }, now);
    await saveProductDownloadSettings(test.db, product.id, limits, { kind: 's3', fileName: 'pack.zip', s3Bucket: 'shop', s3Key: 'k', s3ExpirySeconds: 300 }, now);
    expect(await test.db.fileSource.findUniqueOrThrow({ where: { productId: product.id } })).toMatchObject({ kind: 's3', fileName: 'pack.zip', contentType: 'application/octet-stream' });
    await saveProductDownloadSettings(test.db, product.id, limits, { kind: 'none' }, now);
    await saveProductDownloadSettings(test.db, product.id, limits, { kind: 'local' }, now);
    expect(await test.db.fileSource.findUniqueOrThrow({ where: { productId: product.id } }))
      .toMatchObject({ kind: 'local', storedName: 'a'.repeat(32) + '.zip', fileName: 'Cut files.zip', contentType: 'application/zip' });
  });

  it('lets exactly k of 20 concurrent downloads through a limit of k', async () => {
    const { licenses: [license] } = await buy();
    const resolved = await resolveDownload(test.db, tokenFor(license.id), 'paper-engineering-plugin', rings.downloads, now);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) =>
      recordDownload(test.db, resolved, { client: client(n), source: 'external', redirectTo: 'https://files.example/plugin.zip' }, now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r.reason).toBeInstanceOf(DownloadLimitReached);
    const stored = await test.db.license.findUniqueOrThrow({ where: { id: license.id }, include: { downloads: true } });
    expect(stored.downloadCount).toBe(3);
    expect(stored.downloads.filter((d) => d.counted)).toHaveLength(3);
  });

  it('counts and logs a redirect GET in one step: exactly k of 20, refusals write nothing', async () => {
    const { licenses: [license] } = await buy();
    const claim = (n: number, slug = 'paper-engineering-plugin', at = now) =>
      claimDownload(test.db, createDownloadToken(license.id, slug, rings.downloads, at.getTime() / 1000), slug, rings.downloads, at, client(n));
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => claim(n)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DownloadLimitReached);
    const stored = await test.db.license.findUniqueOrThrow({ where: { id: license.id }, include: { downloads: true } });
    expect(stored.downloadCount).toBe(3);
    expect(stored.downloads.map((d) => ({ counted: d.counted, source: d.source, redirectTo: d.redirectTo, productId: d.productId })))
      .toEqual(Array(3).fill({ counted: true, source: 'external', redirectTo: 'https://files.example/plugin.zip', productId: license.productId }));

    await test.db.license.update({ where: { id: license.id }, data: { downloadCount: 0 } });
    await expect(claim(1, 'printable-card-templates')).rejects.toBeInstanceOf(WrongProduct);
    await expect(claim(1, 'paper-engineering-plugin', new Date('2027-01-01T00:00:00Z'))).rejects.toBeInstanceOf(LicenseExpired);
    await setLicenseStatus(test.db, license.id, 'revoked', now);
    await expect(claim(1)).rejects.toBeInstanceOf(LicenseRevoked);
    await setLicenseStatus(test.db, license.id, 'active', now);
    expect(await test.db.downloadEvent.count({ where: { licenseId: license.id } })).toBe(3);
    expect((await claim(1)).eventId).toEqual(expect.any(Number));
  });

  it('counts arriving together that fail alone: the one that fails writes nothing, the others count and log', async () => {
    const { licenses: [license] } = await buy();
    const store = downloadStore(test.db);
    const event = (n: number) => ({ at: n === 2 ? new Date(Number.NaN) : now, ip: `203.0.113.${n}`, userAgent: `Browser/${n}`, clientKey: `key-${n}` });
    const results = await Promise.allSettled([0, 1, 2, 3].map((n) => store.claimRedirect(license.id, 'paper-engineering-plugin', event(n))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const stored = await test.db.license.findUniqueOrThrow({ where: { id: license.id }, include: { downloads: { orderBy: { id: 'asc' } } } });
    expect(stored.downloadCount).toBe(3);
    // Which were logged, not in what order.
    expect(stored.downloads.map((d) => d.clientKey).sort()).toEqual(['key-0', 'key-1', 'key-3']);
  });

  it('claims for several licenses at once: exactly k each, and one that fails in the database fails alone', async () => {
    const licenses = (await Promise.all([1, 2, 3, 4].map(() => buy()))).map((bought) => bought.licenses[0]);
    const store = downloadStore(test.db);
    // A value the database refuses (PostgreSQL text holds no NUL; SQLite's bad date fails as it is written).
    const poisoned = provider === 'postgresql' ? { userAgent: 'Browser\u0000' } : { at: new Date(Number.NaN) };
    // Licenses in descending order of id: a batch goes to the database sorted, and must answer in arrival order.
    const claims = Array.from({ length: 20 }, (_, n) => ({ license: licenses[3 - (n % 4)], n }));
    const results = await Promise.allSettled(claims.map(({ license, n }) => store.claimRedirect(license.id, 'paper-engineering-plugin',
      { at: now, ip: `203.0.113.${n}`, userAgent: `Browser/${n}`, clientKey: `key-${n}`, ...(n === 5 ? poisoned : {}) })));
    expect(results.flatMap((r, n) => (r.status === 'rejected' ? [n] : []))).toEqual([5]);
    const stored = await test.db.license.findMany({ where: { id: { in: licenses.map((l) => l.id) } }, orderBy: { id: 'asc' }, include: { downloads: true } });
    expect(stored.map((l) => [l.downloadCount, l.downloads.length])).toEqual([[3, 3], [3, 3], [3, 3], [3, 3]]);
    // Each answer is its own claim's: its license, and the log entry of its own request.
    const events = new Map(stored.flatMap((l) => l.downloads).map((d) => [d.id, d]));
    const answers = results.flatMap((r, n) => (r.status === 'fulfilled' ? [{ claim: claims[n], ...r.value }] : []));
    for (const { claim, found } of answers) expect(found?.license.id).toBe(claim.license.id);
    const granted = answers.filter((a) => a.eventId !== null);
    expect(granted).toHaveLength(12);
    for (const { claim, eventId } of granted) expect(events.get(eventId!)).toMatchObject({ licenseId: claim.license.id, clientKey: `key-${claim.n}` });
    expect([...events.values()].map((d) => d.clientKey)).not.toContain('key-5');
  });

  it('waits for a Prisma transaction that holds the connection, and never writes inside it', async () => {
    const { licenses: [license] } = await buy();
    let finish!: () => void;
    const held = new Promise<void>((resolve) => { finish = resolve; });
    const transaction = test.db.$transaction(async (tx) => {
      await tx.license.update({ where: { id: license.id }, data: { downloadLimit: 5 } });
      await held;
      throw new Error('rolled back');
    }).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the transaction is open now
    const claim = claimDownload(test.db, tokenFor(license.id), 'paper-engineering-plugin', rings.downloads, now, client(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();
    expect(await transaction).toBe('rolled back');
    expect((await claim).eventId).toEqual(expect.any(Number));
    // The rollback took only the transaction's own change; the claim's count stayed.
    expect(await test.db.license.findUniqueOrThrow({ where: { id: license.id } })).toMatchObject({ downloadLimit: 3, downloadCount: 1 });
  });

  it('gives the download back when the S3 redirect cannot be presigned after the count', async () => {
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'svg-cut-files' } });
    await saveProductDownloadSettings(test.db, product.id, { downloadLimit: 1, licenseDays: null },
      { kind: 's3', fileName: 'pack.zip', s3Bucket: 'shop', s3Key: 'files/pack.zip', s3ExpirySeconds: 300 }, now);
    const { licenses: [license] } = await buy(['svg-cut-files']);
    const serve = (region: string) => serveDownload({
      method: 'GET', slug: 'svg-cut-files', token: tokenFor(license.id, 'svg-cut-files'), range: null, ifRange: null, client: client(2),
    }, { db: test.db, ring: rings.downloads, storageDir: '/nonexistent', s3: { region, forcePathStyle: true, accessKeyId: 'a', secretAccessKey: 'b' }, now });
    await expect(serve('')).rejects.toThrow(/region/i); // an S3 setting the presigner refuses
    // Refunded again below; the shopper is told 503 (try later), never a 500.
    const refused = await serve('').catch((error) => error);
    expect(refused).toBeInstanceOf(FileSourceMisconfigured);
    expect(publicError(refused, 'test').status).toBe(503);
    expect(await test.db.license.findUniqueOrThrow({ where: { id: license.id }, include: { downloads: true } }))
      .toMatchObject({ downloadCount: 0, downloads: [] });
    // The one download the limit allows is still there.
    expect((await serve('us-east-1')).status).toBe(302);
    expect((await test.db.license.findUniqueOrThrow({ where: { id: license.id } })).downloadCount).toBe(1);
  });

  it('claims nothing for a local file or an incomplete S3 source: those are counted elsewhere or refused', async () => {
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'svg-cut-files' } });
    const { licenses: [license] } = await buy(['svg-cut-files']);
    const claim = () => claimDownload(test.db, tokenFor(license.id, 'svg-cut-files'), 'svg-cut-files', rings.downloads, now, client(1));
    await saveProductDownloadSettings(test.db, product.id, { downloadLimit: null, licenseDays: null },
      { kind: 's3', fileName: 'pack.zip', s3Bucket: 'shop', s3Key: '', s3ExpirySeconds: 300 }, now);
    expect((await claim()).eventId).toBeNull();
    await saveUploadedFile(test.db, product.id, { storedName: 'b'.repeat(32) + '.zip', fileName: 'Cut files.zip', contentType: 'application/zip' }, now);
    await saveProductDownloadSettings(test.db, product.id, { downloadLimit: null, licenseDays: null }, { kind: 'local' }, now);
    const local = await claim();
    expect([local.eventId, local.resolved.source.kind]).toEqual([null, 'local']);
    expect((await test.db.license.findUniqueOrThrow({ where: { id: license.id } })).downloadCount).toBe(0);
  });

  const SIZE = 1000;
  type LocalRecord = Omit<Parameters<typeof recordDownload>[2], 'source'>;
  const counted = async (resolved: Awaited<ReturnType<typeof resolveDownload>>, record: LocalRecord, at: number) =>
    (await recordDownload(test.db, resolved, { source: 'local', fileSize: SIZE, ...record }, new Date(now.getTime() + at))).counted;

  it('counts every full-file request, double clicks included, and a resume of an unfinished download not at all', async () => {
    const { licenses: [license] } = await buy();
    const resolved = await resolveDownload(test.db, tokenFor(license.id), 'paper-engineering-plugin', rings.downloads, now);
    const me = client(7);
    expect(await counted(resolved, { client: me, bytes: SIZE }, 0)).toBe(true);
    expect(await counted(resolved, { client: me, bytes: SIZE }, 2_000)).toBe(true); // a double click is a second full file
    // The second one was cut short after 400 bytes: resuming it is free.
    const cut = await test.db.downloadEvent.findFirstOrThrow({ where: { licenseId: license.id }, orderBy: { id: 'desc' } });
    await recordBytesSent(test.db, cut.id, 400);
    expect(await counted(resolved, { client: me, rangeStart: 400, bytes: SIZE - 400 }, 60_000)).toBe(false);
    // It has now sent the last byte: asking for the bytes again is a new download (the third and last).
    expect(await counted(resolved, { client: me, rangeStart: 1, bytes: SIZE - 1 }, 61_000)).toBe(true);
    await expect(counted(resolved, { client: me, rangeStart: 1, bytes: SIZE - 1 }, 62_000)).rejects.toBeInstanceOf(DownloadLimitReached);
    const events = await test.db.downloadEvent.findMany({ where: { licenseId: license.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.counted)).toEqual([true, true, false, true]);
    expect(events[2].rangeStart).toBe(400n);
  });

  it('limit 1, one counted download, then five Range: bytes=1- from the same client: all refused', async () => {
    const { licenses: [license] } = await buy();
    await test.db.license.update({ where: { id: license.id }, data: { downloadLimit: 1 } });
    const resolved = await resolveDownload(test.db, tokenFor(license.id), 'paper-engineering-plugin', rings.downloads, now);
    const me = client(11);
    expect(await counted(resolved, { client: me, bytes: SIZE }, 0)).toBe(true);
    for (let i = 1; i <= 5; i += 1) {
      await expect(counted(resolved, { client: me, rangeStart: 1, bytes: SIZE - 1 }, i * 1000)).rejects.toBeInstanceOf(DownloadLimitReached);
    }
    expect((await test.db.license.findUniqueOrThrow({ where: { id: license.id } })).downloadCount).toBe(1);
  });

  it('never resumes for free after another client has taken the last download', async () => {
    const { licenses: [license] } = await buy();
    await test.db.license.update({ where: { id: license.id }, data: { downloadLimit: 2 } });
    const resolved = await resolveDownload(test.db, tokenFor(license.id), 'paper-engineering-plugin', rings.downloads, now);
    expect(await counted(resolved, { client: client(20), rangeStart: 0, bytes: 500 }, 0)).toBe(true); // a first half
    expect(await counted(resolved, { client: client(21), bytes: SIZE }, 1000)).toBe(true);
    await expect(counted(resolved, { client: client(20), rangeStart: 500, bytes: 500 }, 2000)).rejects.toBeInstanceOf(DownloadLimitReached);
  });

  it('resumes in pieces: each range continuing the unfinished download is free until the end is sent', async () => {
    const { licenses: [license] } = await buy();
    const resolved = await resolveDownload(test.db, tokenFor(license.id), 'paper-engineering-plugin', rings.downloads, now);
    const me = client(30);
    expect(await counted(resolved, { client: me, rangeStart: 100, bytes: 100 }, 0)).toBe(true);
    expect(await counted(resolved, { client: me, rangeStart: 200, bytes: 300 }, 1000)).toBe(false);
    // Skipping ahead past what was sent is not continuing: a new download.
    expect(await counted(resolved, { client: me, rangeStart: 900, bytes: 100 }, 2000)).toBe(true);
  });
});
