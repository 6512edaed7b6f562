import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';
import { SiteHeader } from './_components/site-header';
import { translatorFor } from '@/lib/i18n/messages';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pop-up Card Shop', template: '%s · Pop-up Card Shop' },
  description: '3D pop-up cards, printable templates and paper-engineering guides. No account needed.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getShopSession();
  const count = (session.cart ?? []).reduce((sum, line) => sum + line.quantity, 0);
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <SiteHeader cartCount={count} hasAccount={Boolean(session.accountId)} country={session.country ?? ''} currency={shopperCurrency(session)} />
        <main id="main" tabIndex={-1}><NextIntlClientProvider>{children}</NextIntlClientProvider></main>
        <footer className="site-footer">{translatorFor(locale, 'Layout')('footer')}</footer>
      </body>
    </html>
  );
}
