import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadPricedCart } from '@/app/_components/priced-cart';
import { CartSummary } from '@/app/_components/cart-summary';
import { linesNeedDelivery } from '@/lib/checkout/pricing';
import { moneyLocale } from '@/lib/i18n/messages';
import { formatMoney } from '@/lib/money';
import { CartLineForm } from './cart-line-form';
import { cartLineWords } from './words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Cart'))('title') };
}

export default async function CartPage() {
  const cart = await loadPricedCart();
  const t = await getTranslations('Cart');
  const language = await getLocale();
  const locale = moneyLocale(language);
  if (cart.lines.length === 0) {
    return (
      <section className="notice">
        <h1>{t('title')}</h1>
        <p>{t('empty')}</p>
        <Link href="/">{t('browse')}</Link>
      </section>
    );
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <ul className="cart-lines">
        {cart.lines.map((line) => (
          <li key={line.product.slug}>
            <CartLineForm slug={line.product.slug} name={line.product.name} quantity={line.quantity}
              lineTotal={formatMoney(line.lineTotalCents, cart.currency, locale)}
              words={cartLineWords(language, line.product.name, formatMoney(line.product.priceCents, cart.currency, locale))} />
          </li>
        ))}
      </ul>
      <CartSummary cart={cart} nothingPosted={!linesNeedDelivery(cart.lines)} />
      <form action="/checkout" method="get">
        <button type="submit" className="primary">{t('checkout')}</button>
      </form>
    </>
  );
}
