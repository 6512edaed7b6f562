// What the product page's forms show, picked on the server in the admin's language (a client
// module's constants are not values on the server, so the lists live here).
import type { Currency } from '@/lib/catalog/currencies';

export const SOURCE_KINDS = ['none', 'local', 'external', 's3'] as const;

export const PRODUCT_FORM_KEYS = [
  'productFormLabel', 'productName', 'productSummary', 'productDescription', 'pricesLegend', 'productActiveLabel', 'productSaved', 'productSave',
] as const;

export const DOWNLOAD_SETTINGS_KEYS = [
  'fileSource', 'downloadFileName', 'externalUrl', 's3Bucket', 's3Key', 's3Expiry', 'defaultDownloadLimit', 'defaultLicenseDays', 'settingsSaved', 'settingsSave',
] as const;

/** With a label per currency. */
export type ProductFormWords = Record<(typeof PRODUCT_FORM_KEYS)[number], string> & { priceIn: Record<Currency, string> };

/** With a label per kind of file source. */
export type DownloadSettingsWords = Record<(typeof DOWNLOAD_SETTINGS_KEYS)[number], string> & { sourceKind: Record<(typeof SOURCE_KINDS)[number], string> };
