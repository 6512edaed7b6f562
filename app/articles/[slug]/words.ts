// The fresh-link form's words, translated on the server and handed to it as props: the article
// page ships no translator to the browser (app/_components/client-words.tsx).
import { translatorFor } from '@/lib/i18n/messages';
import type { FreshLinkWords } from './fresh-link-form';

export function freshLinkWords(locale: string): FreshLinkWords {
  const t = translatorFor(locale, 'Articles');
  return { email: t('freshEmail'), send: t('freshSend'), sent: t('freshSent') };
}
