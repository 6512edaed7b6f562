import { useLocale, useTranslations } from 'next-intl';
import { countryOptions } from '@/lib/catalog/countries';
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

export function AddressFields({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useTranslations('Address');
  // Named by Intl in the page's language (server and browser agree: both use CLDR's names).
  const locale = useLocale();
  const countryError = errors?.country;
  return (
    <>
      <TextField name="addressLine1" label={t('addressLine1')} autoComplete="address-line1" errors={errors} defaultValue={values?.addressLine1} />
      <TextField name="addressLine2" label={t('addressLine2')} autoComplete="address-line2" errors={errors} defaultValue={values?.addressLine2} />
      <TextField name="city" label={t('city')} autoComplete="address-level2" errors={errors} defaultValue={values?.city} />
      <TextField name="postalCode" label={t('postalCode')} autoComplete="postal-code" errors={errors} defaultValue={values?.postalCode} />
      <div className="field">
        <label htmlFor="country">{t('country')}</label>
        <select id="country" name="country" defaultValue={values?.country ?? ''} autoComplete="country"
          aria-invalid={Boolean(countryError)} aria-describedby="country-error">
          <option value="" disabled>{t('chooseCountry')}</option>
          {countryOptions(locale).map(({ code, name }) => <option key={code} value={code}>{name}</option>)}
        </select>
        <FieldError id="country-error" message={countryError} />
      </div>
    </>
  );
}
