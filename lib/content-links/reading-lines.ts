// The lines of an email that hand a buyer their reading links (confirmation and fresh-link mails).
import { translatorFor } from '../i18n/messages';
import { formatDate } from '../i18n/intl';
import type { IssuedLink } from './issue';

export function readingLines(links: readonly IssuedLink[], language = 'en'): string[] {
  if (links.length === 0) return [];
  const t = translatorFor(language, 'Email');
  return [
    t('readOnline'), '',
    ...links.flatMap((l) => [`  ${t('readUntil', { title: l.title, date: formatDate(l.expiresAt, language) })}`, `  ${l.url}`, '']),
  ];
}
