// Dates on pages: the same Intl formats as emails (lib/i18n/intl.ts), in the page's language.
// Shopper pages pass it; English is the default only for the admin's pages.
import { formatDate as dateIn, formatDateTime as dateTimeIn } from '@/lib/i18n/intl';

export const formatDate = (value: Date, language = 'en') => dateIn(value, language);
export const formatDateTime = (value: Date, language = 'en') => dateTimeIn(value, language);
