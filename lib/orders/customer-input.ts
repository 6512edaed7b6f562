// What a shopper types at checkout and when correcting the delivery address.
import { z } from 'zod';
import { COUNTRIES } from './countries';


const text = (label: string, max: number) =>
  z.string({ error: `${label} is required.` }).trim().min(1, `${label} is required.`).max(max, `${label} is too long (at most ${max} characters).`);

export const deliveryAddressSchema = z.object({
  addressLine1: text('Address line 1', 120),
  addressLine2: z.string().trim().max(120, 'Address line 2 is too long (at most 120 characters).').default(''),
  city: text('City', 80),
  postalCode: text('Postal code', 20).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Enter a valid postal code.'),
  country: z.string({ error: 'Choose a country.' }).min(1, 'Choose a country.').refine((code) => code === '' || Object.hasOwn(COUNTRIES, code), 'Choose a country from the list.'),
});

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

export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;
export type CheckoutInput = z.infer<typeof checkoutSchema>;

export const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;
export const CHECKOUT_FIELDS = ['email', 'fullName', 'company', 'phone', ...ADDRESS_FIELDS] as const;

export function addressOf(source: DeliveryAddress): DeliveryAddress {
  return {
    addressLine1: source.addressLine1,
    addressLine2: source.addressLine2,
    city: source.city,
    postalCode: source.postalCode,
    country: source.country,
  };
}
