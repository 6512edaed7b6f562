import type { Metadata } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { getShopSession } from '@/lib/server/session';
import { shopperCurrency } from '@/lib/session/session';
import { CountryPicker } from './_components/country-picker';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pop-up Card Shop', template: '%s · Pop-up Card Shop' },
  description: '3D pop-up cards, printable templates and paper-engineering guides. No account needed.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getShopSession();
  const count = (session.cart ?? []).reduce((sum, line) => sum + line.quantity, 0);
  return (
    <html lang={await getLocale()}>
      <body>
        <header className="site-header">
          <Link href="/" className="brand">Pop-up Card Shop</Link>
          <nav aria-label="Main">
            <Link href="/">Catalogue</Link>
            <Link href="/articles">Articles</Link>
            <Link href="/cart">Cart{count > 0 ? ` (${count})` : ''}</Link>
            {session.accountId ? <Link href="/account">Account</Link> : null}
          </nav>
          <CountryPicker country={session.country ?? ''} currency={shopperCurrency(session)} />
        </header>
        <main><NextIntlClientProvider>{children}</NextIntlClientProvider></main>
        <footer className="site-footer">Hand-folded in small batches · No account needed, ever.</footer>
      </body>
    </html>
  );
}
