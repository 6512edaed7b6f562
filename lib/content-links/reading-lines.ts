// The lines of an email that hand a buyer their reading links (confirmation and fresh-link mails).
import { translatorFor } from '../i18n/messages';
import type { IssuedLink } from './issue';

export function readingLines(links: readonly IssuedLink[], language = 'en'): string[] {
  if (links.length === 0) return [];
  const t = translatorFor(language, 'Email');
  return [
    t('readOnline'), '',
    ...links.flatMap((l) => [`  ${t('readUntil', { title: l.title, date: l.expiresAt.toISOString().slice(0, 10) })}`, `  ${l.url}`, '']),
  ];
}
