import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import { getShopSession } from '@/lib/server/session';
import { shop } from '@/lib/server/shop';
import { shopperCurrency } from '@/lib/session/session';
import { SiteHeader } from './_components/site-header';
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

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getShopSession();
  const count = (session.cart ?? []).reduce((sum, line) => sum + line.quantity, 0);
  const locale = await getLocale();
  // The admin's words stay on the server (app/admin hands each form its own): no page carries them all.
  const { Admin: _admin, ...clientMessages } = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <SiteHeader cartCount={count} hasAccount={Boolean(session.accountId)} country={session.country ?? ''} currency={shopperCurrency(session)} />
        <main id="main" tabIndex={-1}><NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider></main>
        <footer className="site-footer">{translatorFor(locale, 'Layout')('footer')}</footer>
      </body>
    </html>
  );
}
