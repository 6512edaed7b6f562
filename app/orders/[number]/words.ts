// The words of the order page's client islands, translated here on the server and handed to them
// as props (as the header's pickers get theirs): the order and claim pages ship no translator and
// no catalogue to the browser (app/_components/client-words.tsx).
import { countryOptions } from '@/lib/catalog/countries';
import { translatorFor } from '@/lib/i18n/messages';
import type { AddressFieldWords } from '@/app/_components/address-fields-view';
import type { AddressFormWords } from './address-correction-form';
import type { RequestClaimWords } from './claim-form';
import type { DownloadWords } from './download-button';
import type { CopyWords } from './copy-digest';

function addressFieldWords(locale: string): AddressFieldWords {
  const t = translatorFor(locale, 'Address');
  return {
    addressLine1: t('addressLine1'), addressLine2: t('addressLine2'), city: t('city'),
    postalCode: t('postalCode'), country: t('country'), chooseCountry: t('chooseCountry'),
  };
}

export function addressFormWords(locale: string): AddressFormWords {
  const t = translatorFor(locale, 'Order');
  return {
    heading: t('correctHeading'), hint: t('correctHint'), save: t('saveAddress'), saved: t('addressSaved'),
    fields: addressFieldWords(locale), countries: countryOptions(locale),
  };
}

export function requestClaimWords(locale: string): RequestClaimWords {
  const t = translatorFor(locale, 'Claim');
  return { heading: t('heading'), hint: t('hint'), email: t('email'), send: t('send'), sent: t('sent') };
}

export function downloadWords(locale: string, productName: string): DownloadWords {
  const t = translatorFor(locale, 'Order');
  return { button: t('download'), label: t('downloadNamed', { name: productName }), failed: translatorFor(locale, 'Errors')('INTERNAL') };
}

export function copyDigestWords(locale: string, productName: string, version: string): CopyWords {
  const t = translatorFor(locale, 'Versions');
  return { copy: t('copy'), copied: t('copied'), label: t('copyLabel', { name: productName, version }) };
}

/** The button of one version of a download, named by its version. */
export function versionDownloadWords(locale: string, productName: string, version: string): DownloadWords {
  const t = translatorFor(locale, 'Versions');
  return { button: t('download', { version }), label: t('downloadNamed', { name: productName, version }), failed: translatorFor(locale, 'Errors')('INTERNAL') };
}
