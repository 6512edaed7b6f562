// What a shopper types at checkout: contact details, and the delivery address when something is posted.
import { z } from 'zod';
import { ADDRESS_FIELDS, deliveryAddressSchema, text } from '../orders/address';

export const checkoutSchema = deliveryAddressSchema.extend({
  email: z.string({ error: 'Email is required.' }).trim().min(1, 'Email is required.').max(254, 'Email is too long.').pipe(z.email('Enter a valid email address.')),
  fullName: text('Full name', 120),
  company: z.string().trim().max(200, 'Company is too long (at most 200 characters).').transform((v) => v || undefined).optional(),
  phone: z.string().trim().max(40, 'Phone is too long (at most 40 characters).').regex(/^[+0-9 ()/-]*$/, 'Enter a valid phone number.').transform((v) => v || undefined).optional(),
});

const NO_ADDRESS = { addressLine1: '', addressLine2: '', city: '', postalCode: '', country: '' };

/** Orders with nothing to deliver ask only for contact details; the address columns stay empty. */
export const checkoutSchemaFor = (delivery: boolean) =>
  delivery ? checkoutSchema : checkoutSchema.pick({ email: true, fullName: true, company: true, phone: true }).transform((contact) => ({ ...contact, ...NO_ADDRESS }));

export type CheckoutInput = z.infer<typeof checkoutSchema>;

export const CHECKOUT_FIELDS = ['email', 'fullName', 'company', 'phone', ...ADDRESS_FIELDS] as const;
