// The License API's answers in Lemon Squeezy's field names (docs/specs/license-api.md), so a
// client written for it needs only another base URL. Pure. `meta` carries no personal data:
// Lemon Squeezy adds the customer's name and email there; this shop leaves both out.
import type { KeyedLicense } from './lookup';

/** One shop, one store. */
export const STORE_ID = 1;

export type KeyStatus = 'inactive' | 'active' | 'expired' | 'disabled';

export function keyStatusOf(license: Pick<KeyedLicense, 'status' | 'expiresAt' | 'activationCount'>, now: Date): KeyStatus {
  if (license.status !== 'active') return 'disabled';
  if (license.expiresAt && license.expiresAt.getTime() <= now.getTime()) return 'expired';
  return license.activationCount > 0 ? 'active' : 'inactive';
}

export interface LicenseKeyAnswer {
  id: number; status: KeyStatus; key: string; activation_limit: number | null; activation_usage: number;
  created_at: string; expires_at: string | null;
}

export interface InstanceAnswer { id: string; name: string; created_at: string }

export interface MetaAnswer { store_id: number; order_id: number; order_item_id: number; product_id: number; product_name: string }

export function licenseKeyAnswer(license: KeyedLicense, now: Date): LicenseKeyAnswer {
  return {
    id: license.id, status: keyStatusOf(license, now), key: license.licenseKey ?? '',
    activation_limit: license.activationLimit, activation_usage: license.activationCount,
    created_at: license.createdAt.toISOString(), expires_at: license.expiresAt?.toISOString() ?? null,
  };
}

export function metaAnswer(license: KeyedLicense): MetaAnswer {
  return {
    store_id: STORE_ID, order_id: license.orderId, order_item_id: license.orderItemId,
    product_id: license.productId, product_name: license.orderItem.productName,
  };
}

export const instanceAnswer = (instance: { instanceId: string; name: string; createdAt: Date }): InstanceAnswer =>
  ({ id: instance.instanceId, name: instance.name, created_at: instance.createdAt.toISOString() });

/** Which of the three verbs answered: its flag is `activated`, `valid` or `deactivated`. */
export type LicenseVerb = 'activate' | 'validate' | 'deactivate';
export const VERB_FLAG = { activate: 'activated', validate: 'valid', deactivate: 'deactivated' } as const satisfies Record<LicenseVerb, string>;
