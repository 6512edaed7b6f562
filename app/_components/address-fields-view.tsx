// The address fields with their words given: what both the checkout (words from next-intl,
// app/_components/address-fields.tsx) and the order page's correction form (words from the
// server, so that page ships no translator) draw. Nothing here imports next-intl.
import type { FieldErrors } from '@/lib/forms';
import { FieldError } from './field-error';

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  defaultValue?: string;
  autoComplete?: string;
  type?: string;
}

export function TextField({ name, label, errors, defaultValue, autoComplete, type = 'text' }: FieldProps) {
  const message = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type={type} defaultValue={defaultValue} autoComplete={autoComplete}
        aria-invalid={Boolean(message)} aria-describedby={`${name}-error`} />
      <FieldError id={`${name}-error`} message={message} />
    </div>
  );
}

/** The `Address` messages. */
export interface AddressFieldWords { addressLine1: string; addressLine2: string; city: string; postalCode: string; country: string; chooseCountry: string }
export interface CountryOption { code: string; name: string }

interface AddressFieldsViewProps {
  errors?: FieldErrors;
  values?: Record<string, string>;
  words: AddressFieldWords;
  /** The delivery countries, named and sorted in the page's language (lib/catalog/countries.ts countryOptions). */
  countries: readonly CountryOption[];
}

export function AddressFieldsView({ errors, values, words, countries }: AddressFieldsViewProps) {
  const countryError = errors?.country;
  return (
    <>
      <TextField name="addressLine1" label={words.addressLine1} autoComplete="address-line1" errors={errors} defaultValue={values?.addressLine1} />
      <TextField name="addressLine2" label={words.addressLine2} autoComplete="address-line2" errors={errors} defaultValue={values?.addressLine2} />
      <TextField name="city" label={words.city} autoComplete="address-level2" errors={errors} defaultValue={values?.city} />
      <TextField name="postalCode" label={words.postalCode} autoComplete="postal-code" errors={errors} defaultValue={values?.postalCode} />
      <div className="field">
        <label htmlFor="country">{words.country}</label>
        <select id="country" name="country" defaultValue={values?.country ?? ''} autoComplete="country"
          aria-invalid={Boolean(countryError)} aria-describedby="country-error">
          <option value="" disabled>{words.chooseCountry}</option>
          {countries.map(({ code, name }) => <option key={code} value={code}>{name}</option>)}
        </select>
        <FieldError id="country-error" message={countryError} />
      </div>
    </>
  );
}
