// What a merchant may send in a secure payload (v1 and v2 alike), after decryption.
// This is the contract between the decoder (lib/secure-payload) and checkout (lib/checkout):
// the decoder only ever hands checkout a value that passed this schema.
import { z } from 'zod';

export const MAX_CUSTOM_PRICE = 1_000_000;
export const MAX_QUANTITY = 99;

const text = (max: number) => z.string().trim().min(1).max(max);
const iso2 = z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO code').transform((code) => code.toUpperCase());
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code');

const addressFields = {
  addressLine1: text(200).optional(),
  addressLine2: z.string().trim().max(200).optional(),
  city: text(100).optional(),
  postalCode: text(20).optional(),
  country: iso2.optional(),
};

export const contactSchema = z.strictObject({
  email: z.email().max(254),
  firstName: text(100),
  lastName: text(100),
  company: text(200).optional(),
  phone: text(40).optional(),
  ...addressFields,
  accountCustomKey: text(200).optional(),
});

export const recipientSchema = z.strictObject({
  name: text(200),
  email: z.email().max(254),
  address: z.strictObject({
    addressLine1: text(200),
    addressLine2: z.string().trim().max(200).optional(),
    city: text(100),
    postalCode: text(20),
    country: iso2,
  }),
  message: z.string().trim().max(1000).optional(),
});

/** A custom unit price per currency, e.g. { EUR: 12.5, USD: 14 } (major units). */
const priceByCurrency = z.record(currencyCode, z.number().positive().max(MAX_CUSTOM_PRICE).multipleOf(0.01));

export const itemSchema = z.strictObject({
  product: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a product slug'),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  pricing: z.strictObject({
    price: priceByCurrency.optional(),
    quantityBehavior: z.enum(['allow', 'lock', 'hide']).optional(),
  }).optional(),
});

export const checkoutPayloadSchema = z.strictObject({
  contact: contactSchema.optional(),
  recipient: recipientSchema.optional(),
  items: z.array(itemSchema).min(1).max(50).optional(),
  coupon: z.string().trim().min(1).max(64).optional(),
  country: iso2.optional(),
  language: z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO code').transform((code) => code.toLowerCase()).optional(),
});

export type CheckoutPayload = z.infer<typeof checkoutPayloadSchema>;
export type PayloadContact = z.infer<typeof contactSchema>;
export type PayloadRecipient = z.infer<typeof recipientSchema>;
export type PayloadItem = z.infer<typeof itemSchema>;

/** Account pre-authentication: who the merchant vouches for, and when. */
export const accountAuthPayloadSchema = z.union([
  z.strictObject({ account: text(64), timestamp: z.number().int().nonnegative() }),
  z.strictObject({ accountCustomKey: text(200), timestamp: z.number().int().nonnegative() }),
]);

export type AccountAuthPayload = z.infer<typeof accountAuthPayloadSchema>;
