// What /checkout shows: the shopper's cart in their currency, or a merchant's draft
// (its items, agreed prices, locked contact and recipient, coupon, currency, TEST flag).
import type { Db } from '../db/client';
import type { CartLine } from '../session/session';
import type { Currency } from '../catalog/currencies';
import type { Locale } from '../i18n/locales';
import { CouponError } from '../coupons/errors';
import type { OrderTerms } from './place-order';
import { linesNeedDelivery, priceOrder, type OrderLine, type PricedOrder } from './pricing';
import { draftLines, draftTerms, lockedCheckoutFields, quantityBehavior, type CheckoutDraft } from './draft';

export interface CheckoutLineView {
  slug: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  behavior: 'allow' | 'lock' | 'hide';
}

export interface CheckoutSummary {
  lines: CheckoutLineView[];
  missing: string[];
  totals: Pick<PricedOrder, 'subtotalCents' | 'discountCents' | 'shippingCents' | 'totalCents' | 'currency'>;
  couponCode: string | null;
  /** The payload's coupon cannot be changed by the shopper. */
  couponLocked: boolean;
  /** The payload's coupon, refused: the page says why, in the shopper's language. */
  couponError: CouponError | null;
  locked: Record<string, string>;
  recipient: NonNullable<CheckoutDraft['payload']['recipient']> | null;
  testMode: boolean;
  fromMerchant: boolean;
  /** Something in the order is posted, so a delivery address is asked for. */
  delivery: boolean;
}

async function priceOrWithoutCoupon(db: Db, lines: OrderLine[], terms: OrderTerms, now: Date) {
  try {
    return { priced: await priceOrder(db, lines, terms, now), couponError: null };
  } catch (error) {
    if (!(error instanceof CouponError)) throw error;
    return { priced: await priceOrder(db, lines, { ...terms, couponCode: undefined }, now), couponError: error };
  }
}

export async function checkoutSummary(db: Db, source: { draft: CheckoutDraft | null; cart: readonly CartLine[]; currency: Currency; couponCode?: string; language?: Locale }, now: Date): Promise<CheckoutSummary> {
  const { draft } = source;
  const lines = draft ? draftLines(draft, source.cart) : [...source.cart];
  const terms: OrderTerms = draft ? draftTerms(draft, source.couponCode) : { currency: source.currency, couponCode: source.couponCode, language: source.language };
  const { priced, couponError } = await priceOrWithoutCoupon(db, lines, terms, now);
  const item = (slug: string) => draft?.payload.items?.find((i) => i.product === slug);
  return {
    lines: priced.lines.map((line) => {
      const payloadItem = item(line.product.slug);
      return {
        slug: line.product.slug, name: line.product.name, quantity: line.quantity, unitPriceCents: line.product.priceCents,
        lineTotalCents: line.lineTotalCents, behavior: payloadItem ? quantityBehavior(payloadItem) : 'allow',
      };
    }),
    missing: priced.missing,
    totals: priced,
    couponCode: priced.coupon?.code ?? null,
    couponLocked: Boolean(draft?.payload.coupon),
    couponError,
    locked: draft ? lockedCheckoutFields(draft.payload) : {},
    recipient: draft?.payload.recipient ?? null,
    testMode: draft?.testMode ?? false,
    fromMerchant: Boolean(draft),
    delivery: linesNeedDelivery(priced.lines),
  };
}
