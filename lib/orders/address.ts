// An order's delivery address: typed at checkout, corrected on the order page until dispatch.
import { z } from 'zod';
import { COUNTRIES } from '../catalog/countries';

export const text = (label: string, max: number) =>
  z.string({ error: `${label} is required.` }).trim().min(1, `${label} is required.`).max(max, `${label} is too long (at most ${max} characters).`);

export const deliveryAddressSchema = z.object({
  addressLine1: text('Address line 1', 120),
  addressLine2: z.string().trim().max(120, 'Address line 2 is too long (at most 120 characters).').default(''),
  city: text('City', 80),
  postalCode: text('Postal code', 20).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Enter a valid postal code.'),
  country: z.string({ error: 'Choose a country.' }).min(1, 'Choose a country.').refine((code) => code === '' || Object.hasOwn(COUNTRIES, code), 'Choose a country from the list.'),
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
