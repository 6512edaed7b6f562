// POST /api/downloads/token: a fresh token, only for the FULL tier of the
// order that holds the license (valid signed order link + this browser's session).
import type { Db } from '../db/client';
import type { KeyRing, QueryPairs } from '../signing';
import { requireFullAccess } from '../order-access/tier';
import { LicenseNotFound, VersionUnavailable, WrongProduct } from './errors';
import { assertDownloadsLeft, assertLicenseUsable } from './license-rules';
import { createDownloadToken, DEFAULT_TOKEN_LIFETIME_SECONDS } from './token';

export interface TokenRequest {
  orderNumber: string;
  orderLinkQuery: QueryPairs;
  sessionOrders: readonly string[];
  licenseId: number;
  productSlug: string;
  /** An earlier version the buyer picked; absent: whatever is latest when the file is fetched. */
  versionId?: number;
}

export interface IssuedToken { token: string; url: string; expires: number }

export async function issueDownloadToken(
  db: Db, request: TokenRequest, rings: { orders: KeyRing; downloads: KeyRing }, now: Date,
): Promise<IssuedToken> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  requireFullAccess({ number: request.orderNumber, query: request.orderLinkQuery, sessionOrders: request.sessionOrders }, rings.orders, nowSeconds);

  const license = await db.license.findUnique({
    where: { id: request.licenseId },
    include: { order: { select: { number: true } }, product: { select: { slug: true } } },
  });
  if (!license || license.order.number !== request.orderNumber) throw new LicenseNotFound();
  if (license.product.slug !== request.productSlug) throw new WrongProduct('the license is for another product');
  assertLicenseUsable(license, now);
  assertDownloadsLeft(license);

  if (request.versionId !== undefined) await assertVersionOffered(db, license.productId, request.versionId);
  const token = createDownloadToken(license.id, license.product.slug, rings.downloads, nowSeconds, DEFAULT_TOKEN_LIFETIME_SECONDS, request.versionId);
  return { token, url: `/api/downloads/${encodeURIComponent(license.product.slug)}?token=${token}`, expires: nowSeconds + DEFAULT_TOKEN_LIFETIME_SECONDS };
}

/** The buyer may have this version: it is the product's, not withdrawn, and the latest or older ones are allowed. */
async function assertVersionOffered(db: Db, productId: number, versionId: number): Promise<void> {
  const version = await db.productVersion.findFirst({
    where: { id: versionId, productId, withdrawnAt: null },
    select: { current: { select: { id: true } }, product: { select: { allowOlderVersions: true } } },
  });
  if (!version || (!version.current && !version.product.allowOlderVersions)) throw new VersionUnavailable(`version ${versionId} of product ${productId}`);
}
