// Each product kind's behaviour in one place: what checkout asks for, what a paid line
// grants, where the order page lists it, and what taking the line back revokes. Adding a
// kind to the ProductKind enum makes the compiler ask for its entry here.
import type { Tx } from '../db/client';
import type { KeyRing } from '../signing';
import { PRODUCT_KINDS, type ProductKind } from '../catalog/kinds';
import { revokeLicenseOf } from '../downloads/licenses';
import { grantDownloadLicense } from '../licenses/grant';
import { grantArticle, grantPass, revokeGrantOf } from '../content/grants';

/** One paid order line, as fulfilment sees it: its product as it was priced (a license takes its defaults). */
export interface PaidLine {
  orderId: number;
  orderItemId: number;
  product: { id: number; downloadLimit: number | null; licenseDays: number | null; licenseKeys: boolean; activationLimit: number | null };
}

/** What granting needs besides the line: the ring license keys are digested with (lib/licenses/key.ts). */
export interface GrantContext { licenseKeys: KeyRing }

/** The section of the FULL order page that lists what the line gave the buyer. */
export type OrderPageSection = 'delivery' | 'downloads' | 'reading';

export interface Fulfilment {
  /** A line of this kind is posted: checkout asks for a delivery address and charges shipping. */
  shipped: boolean;
  /** The product carries a file (upload, external URL or S3 object) an admin chooses. */
  hasFile: boolean;
  orderPageSection: OrderPageSection;
  /** What a paid line grants, inside the order's transaction. */
  grant(tx: Tx, line: PaidLine, now: Date, ctx: GrantContext): Promise<void>;
  /** Taking the line back (refund, cancellation): revokes everything `grant` made. */
  revoke(tx: Tx, orderItemId: number, now: Date): Promise<void>;
}

const nothing = async () => {};

export const FULFILMENT = {
  // The shipment is the admin's "Mark dispatched"; a card already posted cannot be revoked.
  physical: { shipped: true, hasFile: false, orderPageSection: 'delivery', grant: nothing, revoke: nothing },
  download: { shipped: false, hasFile: true, orderPageSection: 'downloads', grant: grantDownloadLicense, revoke: revokeLicenseOf },
  article: { shipped: false, hasFile: false, orderPageSection: 'reading', grant: grantArticle, revoke: revokeGrantOf },
  pass: { shipped: false, hasFile: false, orderPageSection: 'reading', grant: grantPass, revoke: revokeGrantOf },
} as const satisfies Record<ProductKind, Fulfilment>;

const kindsWhere = (test: (fulfilment: Fulfilment) => boolean) => PRODUCT_KINDS.filter((kind) => test(FULFILMENT[kind]));

export const SHIPPED_KINDS = kindsWhere((f) => f.shipped);
export const FILE_KINDS = kindsWhere((f) => f.hasFile);

/** Whether lines of these kinds need a delivery address (and shipping). */
export const needsDelivery = (kinds: Iterable<ProductKind>) => [...kinds].some((kind) => FULFILMENT[kind].shipped);
