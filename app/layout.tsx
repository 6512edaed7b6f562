import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getShopSession } from '@/lib/server/session';
import { shop } from '@/lib/server/shop';
import { shopperCurrency } from '@/lib/session/session';
import { SiteHeader } from './_components/site-header';
import { ErrorWordsProvider, type ErrorWords } from './_components/error-words';
import { translatorFor } from '@/lib/i18n/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = translatorFor(await getLocale(), 'Layout');
  return {
    // Relative canonical and hreflang URLs resolve against the shop's public address.
    metadataBase: new URL(shop().settings.publicUrl),
    title: { default: t('brand'), template: `%s · ${t('brand')}` },
    description: t('description'),
  };
}

/** app/error.tsx's words. No page gets next-intl's provider from here: islands get words as props, or from app/_components/client-words.tsx. */
function errorWords(locale: string): ErrorWords {
  const t = translatorFor(locale, 'ErrorPage');
  return { failed: t('failed'), failedText: t('failedText'), tryAgain: t('tryAgain') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getShopSession();
  const count = (session.cart ?? []).reduce((sum, line) => sum + line.quantity, 0);
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <SiteHeader cartCount={count} hasAccount={Boolean(session.accountId)} country={session.country ?? ''} currency={shopperCurrency(session)} />
        <main id="main" tabIndex={-1}><ErrorWordsProvider words={errorWords(locale)}>{children}</ErrorWordsProvider></main>
        <footer className="site-footer">
          <p><a href="/my-orders">{translatorFor(locale, 'Layout')('findOrders')}</a></p>
          <p>{translatorFor(locale, 'Layout')('footer')}</p>
        </footer>
      </body>
    </html>
  );
}
