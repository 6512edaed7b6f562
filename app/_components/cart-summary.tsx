import { useLocale } from 'next-intl';
import { formatMoney } from '@/lib/money';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';

interface Totals { subtotalCents: number; discountCents?: number; shippingCents: number; totalCents: number; currency: string; couponCode?: string | null }

export function CartSummary({ cart }: { cart: Totals }) {
  const language = useLocale();
  const t = translatorFor(language, 'Totals');
  const locale = moneyLocale(language);
  const money = (cents: number) => formatMoney(cents, cart.currency, locale);
  return (
    <dl className="totals">
      <dt>{t('subtotal')}</dt><dd>{money(cart.subtotalCents)}</dd>
      {cart.discountCents ? <><dt>{t('discount', { code: cart.couponCode ?? '' })}</dt><dd data-testid="discount">−{money(cart.discountCents)}</dd></> : null}
      <dt>{t('shipping')}</dt><dd>{cart.shippingCents ? money(cart.shippingCents) : t('free')}</dd>
      <dt>{t('total')}</dt><dd className="total" data-testid="total">{money(cart.totalCents)}</dd>
    </dl>
  );
}
