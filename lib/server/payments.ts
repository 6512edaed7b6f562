// Wiring payments for the running shop: the provider PAYMENT_PROVIDER names (built once per
// process), the context settling an order needs, and the sweep that expires unpaid orders.
import type { PaymentProvider, ProviderName } from '../payments/provider';
import { testProvider } from '../payments/providers/test';
import { manualProvider } from '../payments/providers/manual';
import { stripeProvider } from '../payments/providers/stripe';
import { ProviderNotConfigured } from '../payments/errors';
import type { OrderMailContext } from '../payments/settle';
import type { RefundPayer } from '../payments/refund';
import { expireUnpaidOrders } from '../payments/unpaid';
import { contentLinkSigner } from './content-links';
import { db, shop } from './shop';

const globalForPayments = globalThis as unknown as { paymentProvider?: PaymentProvider };

function build(): PaymentProvider {
  const { payments } = shop().settings;
  if (payments.provider === 'stripe') return stripeProvider(payments.stripe!);
  return payments.provider === 'manual' ? manualProvider() : testProvider();
}

/** The provider new orders pay with. */
export const paymentProvider = (): PaymentProvider => (globalForPayments.paymentProvider ??= build());

/**
 * Who gives an order's money back: its own provider when that is the configured one. A free
 * order, a bank transfer and an order from before payments are refunded by hand (recorded only).
 */
export function refundPayerFor(orderProvider: string): RefundPayer {
  const configured = paymentProvider();
  if (orderProvider === configured.name) return configured;
  if (orderProvider === 'stripe' || orderProvider === 'test') throw new ProviderNotConfigured(`the order was paid with ${orderProvider}`);
  return { alreadyRefunded: null };
}

export const isProvider = (name: ProviderName) => paymentProvider().name === name;

/** What settling or refunding an order needs for its emails. */
export async function orderMailContext(now: Date): Promise<OrderMailContext> {
  const { settings: { publicUrl }, rings } = shop();
  return { ring: rings.orders, publicUrl, contentSigner: await contentLinkSigner(now) };
}

export const payWithinMs = () => shop().settings.payments.payWithinMs;

export const EXPIRY_SWEEP_MS = 60_000;

/** Called once at server start: unpaid orders expire on time even when nobody looks at them. */
export function startExpirySweeper(): void {
  const sweep = () => expireUnpaidOrders(db(), new Date()).catch((error) => console.warn('[payments] expiry sweep failed:', error));
  setInterval(sweep, EXPIRY_SWEEP_MS).unref();
  void sweep();
}
