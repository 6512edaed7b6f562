// POST /api/payments/stripe/webhook: Stripe's signed events (docs/specs/stripe-webhooks.md).
// The body is read raw, as Stripe signed it, before anything parses it; Stripe retries every
// answer that is not 2xx, so an event that cannot be applied yet is refused (409, 503) and
// comes back. Server to server: the proxy's origin check lets it through (no Origin header).
import { handleStripeWebhook } from '@/lib/payments/stripe-webhook';
import { ProviderNotConfigured } from '@/lib/payments/errors';
import { jsonError, PRIVATE_HEADERS, requestLanguage } from '@/lib/http/errors';
import { readBoundedBody, WEBHOOK_BODY_LIMIT_BYTES } from '@/lib/http/request-guard';
import { orderMailContext } from '@/lib/server/payments';
import { db, shop } from '@/lib/server/shop';

export async function POST(request: Request): Promise<Response> {
  try {
    const { payments } = shop().settings;
    if (payments.provider !== 'stripe' || !payments.stripe) throw new ProviderNotConfigured();
    const rawBody = await readBoundedBody(request, WEBHOOK_BODY_LIMIT_BYTES);
    const now = new Date();
    const { outcome, repeated } = await handleStripeWebhook(db(), { rawBody, signature: request.headers.get('stripe-signature') }, {
      webhookSecret: payments.stripe.webhookSecret, ctx: () => orderMailContext(now), now,
    });
    return Response.json({ received: true, outcome, repeated }, { headers: PRIVATE_HEADERS });
  } catch (error) {
    return jsonError(error, 'stripe webhook', requestLanguage(request));
  }
}
