// License keys on SQLite and PostgreSQL (lib/licenses): a paid plugin line gets a readable,
// unguessable key in its confirmation; activations stop at the limit, also when two race for the
// last slot; deactivation frees a slot once; a refund disables the key at once; the certificate
// verifies with jose against the published JWKS; the update answer offers a newer version only.
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { deriveKeyRing } from '@/lib/signing';
import { ORDER_LINK_PURPOSE, signedOrderPath } from '@/lib/order-access/links';
import { OrderAccessDenied } from '@/lib/order-access/errors';
import { freeActivationAsBuyer } from '@/lib/licenses/free';
import { queryPairs } from '@/lib/signing';
import { publishedJwks, activeKey, privateKeyOf } from '@/lib/key-store';
import { refundOrder } from '@/lib/payments/refund';
import { testProvider } from '@/lib/payments/providers/test';
import { downloadTokenRing, verifyDownloadToken } from '@/lib/downloads/token';
import { licenseKeyDigestRing } from '@/lib/licenses/key';
import { activateLicense, deactivateLicense, freeActivation, keysOfOrder, validateLicense, type LicenseApiContext } from '@/lib/licenses/activations';
import { signCertificate, verifyCertificate } from '@/lib/licenses/certificate';
import { updateAnswer, type UpdateContext } from '@/lib/licenses/update';
import {
  ActivationLimitReached, InstanceDeactivated, InstanceUnknown, LicenseApiError, LicenseKeyDisabled, LicenseKeyMalformed,
  LicenseKeyUnknown, LicenseOtherProduct, LicenseRequestInvalid,
} from '@/lib/licenses/errors';
import { openTestDatabase, PROVIDERS_UNDER_TEST, type TestDatabase } from '../support/databases';
import { placePaidOrder, testOrderContext } from '../support/orders';

const APP_KEYS = ['licenses-test-key-0123456789abcdefghijklmnop'];
const ring = deriveKeyRing(APP_KEYS, ORDER_LINK_PURPOSE);
const now = new Date('2026-12-06T10:00:00Z');
const ISSUER = 'https://shop.example';
const ctx = testOrderContext({ ring, publicUrl: ISSUER, now });
const buyer = { email: 'lena@example.com', fullName: 'Lena Licence', addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };
const KEY_FORMAT = /^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){5}$/;

describe.each(PROVIDERS_UNDER_TEST)('license keys on %s', (provider) => {
  let test: TestDatabase;
  let api: LicenseApiContext;
  const sign = async (claims: Parameters<typeof signCertificate>[0]) => {
    const key = await activeKey(test.db, 'license-signing', now, APP_KEYS);
    return signCertificate(claims, { kid: key.kid, alg: key.alg, privateKey: privateKeyOf(key, APP_KEYS) }, ISSUER, now);
  };
  beforeAll(async () => {
    test = await openTestDatabase(provider);
    api = { db: test.db, digests: licenseKeyDigestRing(ring), now };
  });
  afterAll(async () => { await test?.close(); });

  async function boughtPlugin() {
    const { number } = await placePaidOrder(test.db, [{ slug: 'paper-engineering-plugin', quantity: 1 }, { slug: 'printable-card-templates', quantity: 1 }], buyer, ctx);
    const order = await test.db.order.findUniqueOrThrow({ where: { number }, include: { licenses: { orderBy: { id: 'asc' } } } });
    return { order, key: order.licenses[0].licenseKey! };
  }
  const activate = (licenseKey: string, instanceName = 'Studio Mac', product?: string) => activateLicense(api, { licenseKey, instanceName, product }, sign);

  it('gives the plugin line a grouped key with 3 activations, lists it in the confirmation, and gives the PDF none', async () => {
    const { order, key } = await boughtPlugin();
    expect(key).toMatch(KEY_FORMAT);
    expect(order.licenses[0]).toMatchObject({ activationLimit: 3, activationCount: 0 });
    expect(order.licenses[0].keyDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(order.licenses[1]).toMatchObject({ licenseKey: null, keyDigest: null });
    const mail = await test.db.outboxMessage.findFirstOrThrow({ where: { orderId: order.id, kind: 'order-confirmation' } });
    expect(mail.text).toContain(`Paper Engineering Plugin (ZIP): ${key} (3 activations)`);
    const other = await boughtPlugin();
    expect(other.key).not.toBe(key);
  });

  it('activates up to the limit, then refuses; typed keys may differ in case and dashes', async () => {
    const { key } = await boughtPlugin();
    const first = await activate(key.toLowerCase());
    expect(first).toMatchObject({ activated: true, error: null, license_key: { status: 'active', key, activation_limit: 3, activation_usage: 1 }, instance: { name: 'Studio Mac' } });
    expect(first.instance.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.meta).toEqual({ store_id: 1, order_id: expect.any(Number), order_item_id: expect.any(Number), product_id: expect.any(Number), product_name: 'Paper Engineering Plugin (ZIP)' });
    expect(JSON.stringify(first)).not.toContain(buyer.email);
    await activate(key.replace(/-/g, ' '));
    await activate(key.replace(/-/g, ''));
    const refused = await activate(key).catch((error) => error);
    expect(refused).toBeInstanceOf(ActivationLimitReached);
    expect((refused as LicenseApiError).context).toMatchObject({ license_key: { status: 'active', activation_usage: 3, activation_limit: 3 } });
  });

  // PostgreSQL: two pools, as two instances of the shop. SQLite: the one connection a shop process
  // has (better-sqlite3 waits for a lock synchronously, so two in one process would wait on each other);
  // both requests still read the free slot before either takes it.
  it('lets exactly one of two activations racing for the last slot win', async () => {
    const { key, order } = await boughtPlugin();
    await activate(key);
    await activate(key);
    const other = provider === 'postgresql' ? createDb(test.url) : test.db;
    try {
      const otherApi = { ...api, db: other };
      const results = await Promise.allSettled([activate(key, 'A'), activateLicense(otherApi, { licenseKey: key, instanceName: 'B' }, sign)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toBeInstanceOf(ActivationLimitReached);
    } finally {
      if (other !== test.db) await other.$disconnect();
    }
    const license = await test.db.license.findUniqueOrThrow({ where: { id: order.licenses[0].id }, include: { activations: true } });
    expect(license.activationCount).toBe(3);
    expect(license.activations.filter((a) => a.deactivatedAt === null)).toHaveLength(3);
  });

  it('validates an instance, deactivates it once (a replay is refused) and frees its slot', async () => {
    const { key } = await boughtPlugin();
    const { instance } = await activate(key);
    expect(await validateLicense(api, { licenseKey: key, instanceId: instance.id })).toMatchObject({ valid: true, instance: { id: instance.id }, license_key: { activation_usage: 1 } });
    expect(await validateLicense(api, { licenseKey: key })).toMatchObject({ valid: true, instance: null });
    expect(await deactivateLicense(api, { licenseKey: key, instanceId: instance.id })).toMatchObject({ deactivated: true, license_key: { activation_usage: 0, status: 'inactive' } });
    await expect(deactivateLicense(api, { licenseKey: key, instanceId: instance.id })).rejects.toBeInstanceOf(InstanceDeactivated);
    await expect(validateLicense(api, { licenseKey: key, instanceId: instance.id })).rejects.toBeInstanceOf(InstanceDeactivated);
    const other = await boughtPlugin();
    const foreign = await activate(other.key);
    await expect(validateLicense(api, { licenseKey: key, instanceId: foreign.instance.id })).rejects.toBeInstanceOf(InstanceUnknown);
    await expect(deactivateLicense(api, { licenseKey: key, instanceId: foreign.instance.id })).rejects.toBeInstanceOf(InstanceUnknown);
  });

  it('refuses malformed, unknown and other-product keys, changing nothing', async () => {
    const { key, order } = await boughtPlugin();
    await expect(activate('not a key')).rejects.toBeInstanceOf(LicenseKeyMalformed);
    await expect(activate(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).rejects.toBeInstanceOf(LicenseKeyUnknown);
    await expect(activate(key, 'x', 'svg-cut-files')).rejects.toBeInstanceOf(LicenseOtherProduct);
    expect(await activate(key, 'x', 'paper-engineering-plugin')).toMatchObject({ activated: true });
    expect((await test.db.license.findUniqueOrThrow({ where: { id: order.licenses[0].id } })).activationCount).toBe(1);
  });

  it('a refund disables the key at once: validate answers valid:false with status "disabled"', async () => {
    const { key, order } = await boughtPlugin();
    const { instance } = await activate(key);
    await refundOrder(test.db, testProvider(), { number: order.number, lines: 'all', amountCents: order.paidCents, reason: 'asked', actor: 'admin', requestKey: `r-${order.id}` }, ctx, now);
    const refused = await validateLicense(api, { licenseKey: key, instanceId: instance.id }).catch((error) => error);
    expect(refused).toBeInstanceOf(LicenseKeyDisabled);
    expect((refused as LicenseApiError).context).toMatchObject({ license_key: { status: 'disabled' }, instance: { id: instance.id } });
    await expect(activate(key)).rejects.toBeInstanceOf(LicenseKeyDisabled);
  });

  it('the buyer or an admin frees an activation; freeing twice is refused', async () => {
    const { key, order } = await boughtPlugin();
    const { instance } = await activate(key);
    await freeActivation(test.db, order.licenses[0].id, instance.id, 'buyer', now);
    await expect(freeActivation(test.db, order.licenses[0].id, instance.id, 'admin', now)).rejects.toBeInstanceOf(InstanceDeactivated);
    await expect(freeActivation(test.db, order.licenses[1].id, instance.id, 'admin', now)).rejects.toBeInstanceOf(InstanceUnknown);
    const [view] = await keysOfOrder(test.db, order.id);
    expect(view).toMatchObject({ licenseKey: key, activationCount: 0, activations: [{ instanceId: instance.id, deactivatedBy: 'buyer' }] });
  });

  it('the buyer frees from the FULL tier only (signed link and this browser), and only their own order\'s activations', async () => {
    const { key, order } = await boughtPlugin();
    const other = await boughtPlugin();
    const { instance } = await activate(key);
    const query = queryPairs(signedOrderPath(order.number, ring).split('?')[1]);
    const request = { number: order.number, query, sessionOrders: [order.number], licenseId: order.licenses[0].id, instanceId: instance.id };
    await expect(freeActivationAsBuyer(test.db, { ...request, sessionOrders: [] }, ring, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    await expect(freeActivationAsBuyer(test.db, { ...request, query: [] }, ring, now)).rejects.toBeInstanceOf(OrderAccessDenied);
    await expect(freeActivationAsBuyer(test.db, { ...request, licenseId: other.order.licenses[0].id }, ring, now)).rejects.toBeInstanceOf(InstanceUnknown);
    expect((await test.db.license.findUniqueOrThrow({ where: { id: order.licenses[0].id } })).activationCount).toBe(1);
    await freeActivationAsBuyer(test.db, request, ring, now);
    expect((await test.db.license.findUniqueOrThrow({ where: { id: order.licenses[0].id } })).activationCount).toBe(0);
  });

  it('signs a certificate that jose verifies against the published JWKS', async () => {
    const { key, order } = await boughtPlugin();
    const { certificate, instance, meta } = await activate(key, 'Laptop');
    const jwks = createLocalJWKSet(await publishedJwks(test.db, now, APP_KEYS));
    const claims = await verifyCertificate(certificate, jwks, ISSUER, now);
    expect(claims).toMatchObject({ license_key_id: order.licenses[0].id, product_id: meta.product_id, product_slug: 'paper-engineering-plugin', instance_id: instance.id, instance_name: 'Laptop', activation_limit: 3, iss: ISSUER });
    expect(claims.exp).toBeUndefined();
    const [header] = certificate.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'RS256', typ: 'license+jwt', kid: (await activeKey(test.db, 'license-signing', now, APP_KEYS)).kid });
    const tampered = certificate.slice(0, -4) + (certificate.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(verifyCertificate(tampered, jwks, ISSUER, now)).rejects.toThrow();
  });

  it('answers updates: a newer version with a short-lived URL bound to the license and version, else up to date', async () => {
    const { key, order } = await boughtPlugin();
    const { instance } = await activate(key);
    const product = await test.db.product.findUniqueOrThrow({ where: { slug: 'paper-engineering-plugin' } });
    const published = await test.db.productVersion.create({ data: {
      productId: product.id, version: '1.1', notes: '## Fixed\n- Layers keep their order', kind: 'external', fileName: 'plugin-1.1.zip',
      externalUrl: 'https://files.example/plugin-1.1.zip', sha256: 'ab'.repeat(32), sizeBytes: 12345n, publishedAt: now,
    } });
    const downloads = downloadTokenRing(APP_KEYS);
    const update: UpdateContext = { ...api, downloads, publicUrl: ISSUER };
    const answer = await updateAnswer(update, { licenseKey: key, instanceId: instance.id, version: '1.0' });
    expect(answer).toMatchObject({
      new_version: '1.1', stable_version: '1.1', slug: 'paper-engineering-plugin', up_to_date: false, version_id: published.id,
      sha256: 'ab'.repeat(32), size_bytes: 12345, last_updated: '2026-12-06 10:00:00', name: 'Paper Engineering Plugin (ZIP)',
    });
    expect(answer.sections.changelog).toContain('<li>Layers keep their order</li>');
    expect(answer.package).toBe(answer.download_link);
    const url = new URL(answer.package);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/api/downloads/paper-engineering-plugin`);
    const token = verifyDownloadToken(url.searchParams.get('token')!, downloads, Math.floor(now.getTime() / 1000));
    expect(token).toMatchObject({ license_id: order.licenses[0].id, version_id: published.id, product_slug: 'paper-engineering-plugin' });
    expect(token.expires - now.getTime() / 1000).toBeLessThanOrEqual(300);

    expect(await updateAnswer(update, { licenseKey: key, instanceId: instance.id, version: '1.1' })).toMatchObject({ up_to_date: true, package: '', download_link: '', package_expires_at: null });
    expect(await updateAnswer(update, { licenseKey: key, instanceId: instance.id, version: '1.10' })).toMatchObject({ up_to_date: true, package: '' });
    await expect(updateAnswer(update, { licenseKey: key, instanceId: instance.id, version: '1.0 beta!' })).rejects.toBeInstanceOf(LicenseRequestInvalid);
    await deactivateLicense(api, { licenseKey: key, instanceId: instance.id });
    await expect(updateAnswer(update, { licenseKey: key, instanceId: instance.id, version: '1.0' })).rejects.toBeInstanceOf(InstanceDeactivated);
    const second = await activate(key);
    await test.db.license.update({ where: { id: order.licenses[0].id }, data: { status: 'revoked' } });
    await expect(updateAnswer(update, { licenseKey: key, instanceId: second.instance.id, version: '1.0' })).rejects.toBeInstanceOf(LicenseKeyDisabled);
    await test.db.productVersion.delete({ where: { id: published.id } });
  });
});
