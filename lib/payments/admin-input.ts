// What an admin types on an order's page: a refund (lines, amount, reason) and a payment's reference.
import { z } from 'zod';
import { reason } from '../forms';
import { centsOf } from '../money';

export const REASON_MAX = 200;

const reasonText = z.string().trim().max(REASON_MAX, { message: reason('reasonTooLong') });

export const refundInput = z.object({
  amount: z.string().transform((typed, ctx) => centsOf(typed) ?? (ctx.addIssue({ code: 'custom', message: reason('refundAmountInvalid') }), z.NEVER)),
  reason: reasonText,
  // Made when the form is shown: submitting the same form twice refunds once.
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: reason('invalid') }),
  lines: z.array(z.string().regex(/^\d{1,10}$/, { message: reason('invalid') }).transform(Number)).max(500),
});

export type RefundInput = z.infer<typeof refundInput>;

export const markPaidInput = z.object({
  reference: z.string().trim().min(1, { message: reason('referenceMissing') }).max(100, { message: reason('tooLong') }),
});

export const cancelInput = z.object({ reason: reasonText });
