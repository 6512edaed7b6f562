// An order's delivery address: typed at checkout, corrected on the order page until dispatch.
import { z } from 'zod';
import { COUNTRIES } from '../catalog/countries';
import { reason } from '../forms';

export const text = (max: number) =>
  z.string({ error: reason('required') }).trim().min(1, reason('required')).max(max, reason('tooLongAtMost'));

export const deliveryAddressSchema = z.object({
  addressLine1: text(120),
  addressLine2: z.string().trim().max(120, reason('tooLongAtMost')).default(''),
  city: text(80),
  postalCode: text(20).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, reason('postalCodeInvalid')),
  country: z.string({ error: reason('countryMissing') }).min(1, reason('countryMissing'))
    .refine((code) => code === '' || Object.hasOwn(COUNTRIES, code), reason('countryUnknown')),
});

export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;

export const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;

export function addressOf(source: DeliveryAddress): DeliveryAddress {
  return {
    addressLine1: source.addressLine1,
    addressLine2: source.addressLine2,
    city: source.city,
    postalCode: source.postalCode,
    country: source.country,
  };
}
