// Activate, validate and deactivate an installation of a licensed program (Lemon Squeezy's
// License API, docs/specs/license-api.md), and free an activation from the order page or the
// admin. The limit holds under concurrency: one conditional UPDATE takes a slot, so of two
// activations racing for the last one exactly one wins.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import type { KeyRing } from '../signing';
import { findLicenseByKey, type KeyedLicense } from './lookup';
import { instanceAnswer, keyStatusOf, licenseKeyAnswer, metaAnswer, type InstanceAnswer, type LicenseKeyAnswer, type MetaAnswer } from './answer';
import {
  ActivationLimitReached, InstanceDeactivated, InstanceUnknown, LicenseKeyDisabled, LicenseKeyExpired, LicenseOtherProduct,
  type LicenseApiError,
} from './errors';

export interface LicenseApiContext {
  db: Db;
  /** lib/licenses/key.ts licenseKeyDigestRing */
  digests: KeyRing;
  now: Date;
}

/** Signs the offline certificate of a new activation (lib/licenses/certificate.ts). */
export type CertificateSigner = (claims: CertificateClaims) => Promise<string>;

export interface CertificateClaims {
  license_key_id: number; product_id: number; product_slug: string; instance_id: string; instance_name: string;
  activation_limit: number | null; expires_at: Date | null;
}

export interface KeyAnswer { license_key: LicenseKeyAnswer; meta: MetaAnswer }
export interface ActivationAnswer extends KeyAnswer { activated: true; error: null; instance: InstanceAnswer; certificate: string }
export interface ValidationAnswer extends KeyAnswer { valid: true; error: null; instance: InstanceAnswer | null }
export interface DeactivationAnswer extends KeyAnswer { deactivated: true; error: null }

type ActivationRow = { instanceId: string; name: string; createdAt: Date; deactivatedAt: Date | null };

const keyAnswer = (license: KeyedLicense, now: Date): KeyAnswer => ({ license_key: licenseKeyAnswer(license, now), meta: metaAnswer(license) });

/** `product`: a client may name the product it is (its id or slug, as in `meta`); a key for another is refused. */
function assertProduct(license: KeyedLicense, product: string | undefined) {
  if (product === undefined) return;
  if (product !== String(license.productId) && product !== license.product.slug) throw new LicenseOtherProduct();
}

/** Revoked (refund, cancellation, an admin) or past its end: refused, saying so in `license_key.status`. */
function assertUsable(license: KeyedLicense, now: Date) {
  const status = keyStatusOf(license, now);
  if (status === 'disabled') throw new LicenseKeyDisabled();
  if (status === 'expired') throw new LicenseKeyExpired();
}

/** Runs `step`; a refusal about a found key carries what Lemon Squeezy would answer beside it. */
async function aboutKey<T>(license: KeyedLicense, now: Date, step: () => Promise<T> | T, instance?: () => InstanceAnswer | null): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error && typeof error === 'object' && 'about' in error) {
      (error as LicenseApiError).about({ ...keyAnswer(license, now), ...(instance ? { instance: instance() } : {}) });
    }
    throw error;
  }
}

async function instanceOf(ctx: LicenseApiContext, license: KeyedLicense, instanceId: string): Promise<ActivationRow> {
  const row = await ctx.db.licenseActivation.findUnique({ where: { instanceId }, select: { instanceId: true, name: true, createdAt: true, deactivatedAt: true, licenseId: true } });
  if (!row || row.licenseId !== license.id) throw new InstanceUnknown();
  return row;
}

export async function activateLicense(
  ctx: LicenseApiContext, input: { licenseKey: string; instanceName: string; product?: string }, sign: CertificateSigner,
): Promise<ActivationAnswer> {
  const { db, now } = ctx;
  const license = await findLicenseByKey(db, ctx.digests, input.licenseKey);
  return aboutKey(license, now, async () => {
    assertProduct(license, input.product);
    assertUsable(license, now);
    const instanceId = randomUUID();
    const created = await db.$transaction(async (tx) => {
      const limit = license.activationLimit;
      const slot = await tx.license.updateMany({
        where: { id: license.id, status: 'active', activationLimit: limit, ...(limit === null ? {} : { activationCount: { lt: limit } }) },
        data: { activationCount: { increment: 1 } },
      });
      if (slot.count === 0) return null;
      return tx.licenseActivation.create({ data: { instanceId, licenseId: license.id, name: input.instanceName, createdAt: now } });
    });
    const current = await db.license.findUniqueOrThrow({ where: { id: license.id }, select: { status: true, activationCount: true, activationLimit: true } });
    Object.assign(license, current);
    if (!created) {
      assertUsable(license, now); // revoked between the read and the update
      throw new ActivationLimitReached();
    }
    const certificate = await sign({
      license_key_id: license.id, product_id: license.productId, product_slug: license.product.slug, instance_id: instanceId,
      instance_name: created.name, activation_limit: license.activationLimit, expires_at: license.expiresAt,
    });
    return { activated: true as const, error: null, ...keyAnswer(license, now), instance: instanceAnswer(created), certificate };
  });
}

export async function validateLicense(
  ctx: LicenseApiContext, input: { licenseKey: string; instanceId?: string; product?: string },
): Promise<ValidationAnswer> {
  const { db, now } = ctx;
  const license = await findLicenseByKey(db, ctx.digests, input.licenseKey);
  let instance: ActivationRow | null = null;
  return aboutKey(license, now, async () => {
    assertProduct(license, input.product);
    if (input.instanceId !== undefined) {
      instance = await instanceOf(ctx, license, input.instanceId);
      if (instance.deactivatedAt) throw new InstanceDeactivated();
    }
    assertUsable(license, now);
    return { valid: true as const, error: null, ...keyAnswer(license, now), instance: instance ? instanceAnswer(instance) : null };
  }, () => (instance ? instanceAnswer(instance) : null));
}

/** Marks one live activation deactivated and gives its slot back; false when it was not live (a replay). */
async function releaseSlot(db: Db, licenseId: number, instanceId: string, by: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.licenseActivation.updateMany({ where: { instanceId, licenseId, deactivatedAt: null }, data: { deactivatedAt: now, deactivatedBy: by } });
    if (ended.count === 0) return false;
    await tx.license.update({ where: { id: licenseId }, data: { activationCount: { decrement: 1 } } });
    return true;
  });
}

export async function deactivateLicense(
  ctx: LicenseApiContext, input: { licenseKey: string; instanceId: string; product?: string },
): Promise<DeactivationAnswer> {
  const { db, now } = ctx;
  const license = await findLicenseByKey(db, ctx.digests, input.licenseKey);
  return aboutKey(license, now, async () => {
    assertProduct(license, input.product);
    assertUsable(license, now);
    const instance = await instanceOf(ctx, license, input.instanceId);
    if (instance.deactivatedAt || !(await releaseSlot(db, license.id, instance.instanceId, 'software', now))) throw new InstanceDeactivated();
    license.activationCount -= 1;
    return { deactivated: true as const, error: null, ...keyAnswer(license, now) };
  });
}

/** The buyer (FULL tier of the order page) or an admin frees an activation; the caller checked who may. */
export async function freeActivation(db: Db, licenseId: number, instanceId: string, by: 'buyer' | 'admin', now: Date): Promise<void> {
  const instance = await db.licenseActivation.findUnique({ where: { instanceId }, select: { licenseId: true, deactivatedAt: true } });
  if (!instance || instance.licenseId !== licenseId) throw new InstanceUnknown();
  if (instance.deactivatedAt || !(await releaseSlot(db, licenseId, instanceId, by, now))) throw new InstanceDeactivated();
}

export interface ActivationView { instanceId: string; name: string; createdAt: Date; deactivatedAt: Date | null; deactivatedBy: string | null }
export interface KeyView { licenseId: number; productName: string; licenseKey: string; status: string; activationLimit: number | null; activationCount: number; activations: ActivationView[] }

/** An order's keys with their activations, newest first (the order page and the admin's). */
export async function keysOfOrder(db: Db, order: number | { number: string }): Promise<KeyView[]> {
  const rows = await db.license.findMany({
    where: { ...(typeof order === 'number' ? { orderId: order } : { order: { number: order.number } }), licenseKey: { not: null } }, orderBy: { id: 'asc' },
    select: {
      id: true, licenseKey: true, status: true, activationLimit: true, activationCount: true, orderItem: { select: { productName: true } },
      activations: { orderBy: { id: 'desc' }, take: 50, select: { instanceId: true, name: true, createdAt: true, deactivatedAt: true, deactivatedBy: true } },
    },
  });
  return rows.map((row) => ({
    licenseId: row.id, productName: row.orderItem.productName, licenseKey: row.licenseKey!, status: row.status,
    activationLimit: row.activationLimit, activationCount: row.activationCount, activations: row.activations,
  }));
}
