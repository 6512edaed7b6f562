// POST /api/licenses/update: the newest version a key may have, shaped like Easy Digital Downloads
// Software Licensing's `get_version` answer, so a WordPress plugin's updater can point at the shop
// (docs/specs/license-api.md). The package URL is a download token of the downloads capability,
// bound to the license and to that version, valid for minutes; "up to date" carries no URL.
import type { KeyRing } from '../signing';
import { createDownloadToken, DEFAULT_TOKEN_LIFETIME_SECONDS } from '../downloads/token';
import { renderMarkdown } from '../content/markdown';
import { compareVersions, isVersionString, latestVersion } from '../versions';
import { findLicenseByKey } from './lookup';
import { keyStatusOf } from './answer';
import { InstanceDeactivated, InstanceUnknown, LicenseKeyDisabled, LicenseKeyExpired, LicenseOtherProduct, LicenseRequestInvalid, UpdateUnavailable } from './errors';
import type { LicenseApiContext } from './activations';

export interface UpdateRequest { licenseKey: string; instanceId: string; version: string; product?: string }

export interface UpdateAnswer {
  new_version: string;
  stable_version: string;
  name: string;
  slug: string;
  url: string;
  homepage: string;
  last_updated: string;
  /** Empty when the installed version is the newest (WordPress then offers nothing). */
  package: string;
  download_link: string;
  sections: { changelog: string };
  // Beyond EDD's fields:
  up_to_date: boolean;
  version_id: number;
  sha256: string | null;
  size_bytes: number | null;
  /** When `package` stops working (ISO 8601), or null without one. */
  package_expires_at: string | null;
}

export interface UpdateContext extends LicenseApiContext { downloads: KeyRing; publicUrl: string }

/** EDD's `last_updated` reads "2026-12-06 10:00:00" (UTC). */
const eddDate = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

export async function updateAnswer(ctx: UpdateContext, input: UpdateRequest): Promise<UpdateAnswer> {
  const { db, now } = ctx;
  if (!isVersionString(input.version)) throw new LicenseRequestInvalid('version');
  const license = await findLicenseByKey(db, ctx.digests, input.licenseKey);
  if (input.product !== undefined && input.product !== String(license.productId) && input.product !== license.product.slug) throw new LicenseOtherProduct();
  const instance = await db.licenseActivation.findUnique({ where: { instanceId: input.instanceId }, select: { licenseId: true, deactivatedAt: true } });
  if (!instance || instance.licenseId !== license.id) throw new InstanceUnknown();
  if (instance.deactivatedAt) throw new InstanceDeactivated();
  const status = keyStatusOf(license, now);
  if (status === 'disabled') throw new LicenseKeyDisabled();
  if (status === 'expired') throw new LicenseKeyExpired();

  const latest = await latestVersion(db, license.productId);
  if (!latest) throw new UpdateUnavailable();
  const { slug } = license.product;
  const productUrl = new URL(`/products/${encodeURIComponent(slug)}`, ctx.publicUrl).toString();
  const newer = compareVersions(latest.version, input.version) > 0;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const url = newer
    ? new URL(`/api/downloads/${encodeURIComponent(slug)}?token=${createDownloadToken(license.id, slug, ctx.downloads, nowSeconds, DEFAULT_TOKEN_LIFETIME_SECONDS, latest.id)}`, ctx.publicUrl).toString()
    : '';
  return {
    new_version: latest.version, stable_version: latest.version, name: license.orderItem.productName, slug,
    url: productUrl, homepage: productUrl, last_updated: eddDate(latest.publishedAt),
    package: url, download_link: url, sections: { changelog: renderMarkdown(latest.notes) },
    up_to_date: !newer, version_id: latest.id, sha256: latest.sha256, size_bytes: latest.sizeBytes,
    package_expires_at: newer ? new Date((nowSeconds + DEFAULT_TOKEN_LIFETIME_SECONDS) * 1000).toISOString() : null,
  };
}
