// What every payment provider does for the shop, whatever it is (Stripe Checkout, the test
// page, a bank transfer): start a payment for an order, and give money back.
export type ProviderName = 'test' | 'stripe' | 'manual';

/** Orders with nothing to pay are paid at once, with no provider. */
export const FREE = 'free';

export interface PaymentOrder {
  number: string;
  currency: string;
  totalCents: number;
  shippingCents: number;
  discountCents: number;
  couponCode: string | null;
  email: string;
  language: string;
  items: readonly { productName: string; quantity: number; unitPriceCents: number }[];
}

export interface StartRequest {
  order: PaymentOrder;
  /** The signed order page: where the buyer lands when they give up (and, without `successUrl`, after paying). */
  returnUrl: string;
  /** The same page as the buyer's first view of the paid order, which thanks them (lib/orders/first-view.ts). */
  successUrl?: string;
  /** When the provider should stop taking money for this order. */
  payBy: Date;
  /** The provider's reference of the order's last attempt: a new attempt closes it, so the buyer cannot pay twice. */
  previousReference?: string | null;
}

/** Send the buyer to `redirectTo`; `reference` is the provider's id of this attempt. Or: the buyer pays by transfer. */
export type PaymentStart = { redirectTo: string; reference?: string } | { byTransfer: true };

export interface RefundRequest {
  /** The provider's reference of the settled payment. */
  paymentReference: string | null;
  amountCents: number;
  currency: string;
  /** The same key always refunds once, however often the request is repeated. */
  idempotencyKey: string;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  start(request: StartRequest): Promise<PaymentStart>;
  /** Throws ProviderUnavailable (try again: the same key refunds once) or ProviderRefused. */
  refund(request: RefundRequest): Promise<{ providerRefundId: string | null }>;
}
