import { useLocale, useTranslations } from 'next-intl';
import { countryOptions } from '@/lib/catalog/countries';
import type { FieldErrors } from '@/lib/forms';
import { AddressFieldsView } from './address-fields-view';

export { TextField } from './address-fields-view';

/** The address fields inside a form that translates in the browser (the checkout: app/checkout/layout.tsx gives it `Address`). */
export function AddressFields({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useTranslations('Address');
  // Named by Intl in the page's language (server and browser agree: both use CLDR's names).
  const locale = useLocale();
  const words = {
    addressLine1: t('addressLine1'), addressLine2: t('addressLine2'), city: t('city'),
    postalCode: t('postalCode'), country: t('country'), chooseCountry: t('chooseCountry'),
  };
  return <AddressFieldsView errors={errors} values={values} words={words} countries={countryOptions(locale)} />;
}
