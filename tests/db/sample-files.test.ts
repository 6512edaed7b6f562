// `npm run db:setup` leaves the demo ready to buy and download: each digital
// product has a small real file, and running it again changes nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '@/lib/demo/sample-files';
import { orderLinkRing } from '@/lib/order-access/links';
import { serveDownload } from '@/lib/downloads/serve';
import { createDownloadToken, downloadTokenRing } from '@/lib/downloads/token';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder } from '../support/orders';

const keys = ['sample-files-test-key-0123456789abcdefgh'];
const customer = { email: 's@example.com', fullName: 'Sam', addressLine1: '1 Road', addressLine2: '', city: 'Cork', postalCode: 'T12', country: 'IE' };

describe.each(PROVIDERS_UNDER_TEST)('db:setup sample files on %s', (provider) => {
  let test: TestDatabase;
  const storageDir = mkdtempSync(path.join(tmpdir(), 'shop-samples-'));
  const setup = () => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db/setup.ts'], {
    env: { ...process.env, DATABASE_URL: test.url, STORAGE_DIR: storageDir, NODE_ENV: 'test', APP_KEYS: keys[0] }, encoding: 'utf8',
  });
  beforeAll(async () => { test = await openTestDatabase(provider, { seed: false }); }, 60_000);
  afterAll(async () => { await test?.close(); rmSync(storageDir, { recursive: true, force: true }); });

  it('attaches a real PDF and real ZIPs once, and a second run keeps them', async () => {
    expect(setup()).toContain('sample files attached');
    const sources = await test.db.fileSource.findMany({ include: { product: true }, orderBy: { id: 'asc' } });
    expect(sources.map((s) => s.product.slug).sort()).toEqual(SAMPLE_FILES.map((s) => s.slug).sort());
    for (const source of sources) {
      expect(source.kind).toBe('local');
      const file = path.join(storageDir, source.storedName!);
      if (source.contentType === 'application/pdf') {
        expect((await PDFDocument.load(readFileSync(file))).getPageCount()).toBe(1);
      } else {
        expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
      }
    }
    expect(setup()).not.toContain('sample files attached');
    expect(readdirSync(storageDir)).toHaveLength(SAMPLE_FILES.length);
    expect(await test.db.fileSource.count()).toBe(SAMPLE_FILES.length);
  }, 180_000);

  it('leaves a product whose file an admin already chose alone', async () => {
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'svg-cut-files' } });
    await test.db.fileSource.update({ where: { productId: product.id }, data: { kind: 'external', externalUrl: 'https://files.example/x.zip' } });
    setup();
    expect((await test.db.fileSource.findUniqueOrThrow({ where: { productId: product.id } })).kind).toBe('external');
  }, 120_000);

  it('lets a new buyer download the sample at once', async () => {
    const now = new Date();
    const placed = await placePaidOrder(test.db, [{ slug: 'printable-card-templates', quantity: 1 }], customer,
      { ring: orderLinkRing(keys), publicUrl: 'https://shop.example', now });
    const license = await test.db.license.findFirstOrThrow({ where: { order: { number: placed.number } } });
    const ring = downloadTokenRing(keys);
    const reply = await serveDownload({
      method: 'GET', slug: 'printable-card-templates', token: createDownloadToken(license.id, 'printable-card-templates', ring, Math.floor(now.getTime() / 1000)),
      range: null, ifRange: null, client: { ip: '203.0.113.1', userAgent: 't' },
    }, { db: test.db, ring, storageDir, s3: { region: 'us-east-1', forcePathStyle: true }, now });
    expect(reply.status).toBe(200);
    expect(reply.headers['Content-Type']).toBe('application/pdf');
    expect(readFileSync(reply.file!.path).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
