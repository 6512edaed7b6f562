// A file's size as people read it, in their language ("2.4 MB", "2,4 MB"): decimal units, as
// download pages and file managers mostly show them.
import { dateLocale } from '../i18n/intl';

const UNITS = [[1e9, 'gigabyte'], [1e6, 'megabyte'], [1e3, 'kilobyte']] as const;

export function formatFileSize(bytes: number, language: string): string {
  const [divisor, unit] = UNITS.find(([size]) => bytes >= size) ?? [1, 'byte'];
  return new Intl.NumberFormat(dateLocale(language), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / divisor);
}
