import { useLocale } from 'next-intl';
import { formatMoney } from '@/lib/money';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';

interface Totals { subtotalCents: number; discountCents?: number; shippingCents: number; totalCents: number; currency: string; couponCode?: string | null }

/** `nothingPosted`: no line is shipped, so there is no shipping line at all (rather than "Free"). */
export function CartSummary({ cart, nothingPosted = false }: { cart: Totals; nothingPosted?: boolean }) {
  const language = useLocale();
  const t = translatorFor(language, 'Totals');
  const locale = moneyLocale(language);
  const money = (cents: number) => formatMoney(cents, cart.currency, locale);
  return (
    <dl className="totals">
      <dt>{t('subtotal')}</dt><dd>{money(cart.subtotalCents)}</dd>
      {cart.discountCents ? <><dt>{t('discount', { code: cart.couponCode ?? '' })}</dt><dd data-testid="discount">−{money(cart.discountCents)}</dd></> : null}
      {nothingPosted ? null : <><dt>{t('shipping')}</dt><dd>{cart.shippingCents ? money(cart.shippingCents) : t('free')}</dd></>}
      <dt>{t('total')}</dt><dd className="total" data-testid="total">{money(cart.totalCents)}</dd>
    </dl>
  );
}
