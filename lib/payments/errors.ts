// Typed failures of paying, refunding and provider webhooks; lib/http/errors.ts maps each to a status.
import { errorKindsOf, ShopError, type PaymentErrorCode } from '../errors';

export abstract class PaymentError extends ShopError {
  abstract readonly code: PaymentErrorCode;
}

const kind = errorKindsOf<PaymentErrorCode>(PaymentError);

export class OrderNotPayable extends kind('ORDER_NOT_PAYABLE', 'the order is not waiting for a payment') {}
export class PaymentMismatch extends kind('PAYMENT_MISMATCH', 'the payment does not match the order (amount or currency)') {}
export class RefundTooLarge extends kind('REFUND_TOO_LARGE', 'the refund is more than what is left of the payment') {}
export class RefundEmpty extends kind('REFUND_EMPTY', 'a refund needs an amount or a line') {}
export class RefundLineUnknown extends kind('REFUND_LINE_UNKNOWN', 'a line is not part of this order or was already taken back') {}
export class ProviderUnavailable extends kind('PAYMENT_PROVIDER_UNAVAILABLE', 'the payment provider did not answer') {}
export class ProviderRefused extends kind('PAYMENT_PROVIDER_REFUSED', 'the payment provider refused the request') {}
export class WebhookSignatureInvalid extends kind('WEBHOOK_SIGNATURE_INVALID', 'the webhook signature does not verify') {}
export class WebhookTooEarly extends kind('WEBHOOK_TOO_EARLY', 'the event refers to something not recorded yet') {}
export class ProviderNotConfigured extends kind('PAYMENT_PROVIDER_NOT_CONFIGURED', 'this payment provider is not the one configured') {}
