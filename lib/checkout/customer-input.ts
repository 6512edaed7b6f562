// What a shopper types at checkout: contact details, and the delivery address when something is posted.
import { z } from 'zod';
import { reason } from '../forms';
import { ADDRESS_FIELDS, deliveryAddressSchema, text } from '../orders/address';

export const checkoutSchema = deliveryAddressSchema.extend({
  email: z.string({ error: reason('required') }).trim().min(1, reason('required')).max(254, reason('tooLong')).pipe(z.email(reason('emailInvalid'))),
  fullName: text(120),
  company: z.string().trim().max(200, reason('tooLongAtMost')).transform((v) => v || undefined).optional(),
  phone: z.string().trim().max(40, reason('tooLongAtMost')).regex(/^[+0-9 ()/-]*$/, reason('phoneInvalid')).transform((v) => v || undefined).optional(),
});

const NO_ADDRESS = { addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };

/** Orders with nothing to deliver ask only for contact details; the address columns stay empty. */
export const checkoutSchemaFor = (delivery: boolean) =>
  delivery ? checkoutSchema : checkoutSchema.pick({ email: true, fullName: true, company: true, phone: true }).transform((contact) => ({ ...contact, ...NO_ADDRESS }));

export type CheckoutInput = z.infer<typeof checkoutSchema>;

export const CHECKOUT_FIELDS = ['email', 'fullName', 'company', 'phone', ...ADDRESS_FIELDS] as const;
