import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { Messages } from '@/lib/i18n/locales';

/**
 * The catalogue's words for the client islands below it, and no more. The root layout has no
 * provider: most islands take their words as props, translated on the server (each folder's
 * `words.ts`), so their pages ship neither next-intl's runtime (about 14 KiB of script) nor any
 * messages. Only a form with many words that change as it is used (the checkout: its layout)
 * translates in the browser, inside this, with the namespaces it uses.
 */
export async function ClientWords({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((n) => [n, messages[n]]))}>{children}</NextIntlClientProvider>;
}
