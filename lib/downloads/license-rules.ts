// Whether a license may download now: pure rules over plain values.
import { DownloadLimitReached, LicenseExpired, LicenseRevoked } from './errors';

export interface LicenseState {
  status: string;
  expiresAt: Date | null;
  downloadLimit: number | null;
  downloadCount: number;
}

/** Active and not past its expiry date; which product it is for, callers check against the slug. */
export function assertLicenseUsable(license: LicenseState, now: Date): void {
  if (license.status !== 'active') throw new LicenseRevoked();
  if (license.expiresAt && license.expiresAt.getTime() < now.getTime()) throw new LicenseExpired();
}

export function downloadsLeft(license: Pick<LicenseState, 'downloadLimit' | 'downloadCount'>): number | null {
  return license.downloadLimit === null ? null : Math.max(0, license.downloadLimit - license.downloadCount);
}

export function assertDownloadsLeft(license: Pick<LicenseState, 'downloadLimit' | 'downloadCount'>): void {
  if (downloadsLeft(license) === 0) throw new DownloadLimitReached();
}

export function licenseExpiry(purchasedAt: Date, licenseDays: number | null): Date | null {
  return licenseDays === null ? null : new Date(purchasedAt.getTime() + licenseDays * 86_400_000);
}
