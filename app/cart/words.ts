// A cart line's words, translated on the server and handed to its form as props: the cart page
// ships no translator to the browser (app/_components/client-words.tsx).
import { translatorFor } from '@/lib/i18n/messages';
import type { CartLineWords } from './cart-line-form';

export function cartLineWords(locale: string, name: string, unitPrice: string): CartLineWords {
  const t = translatorFor(locale, 'Cart');
  return { each: t('each', { price: unitPrice }), quantityOf: t('quantityOf', { name }), update: t('update'), remove: t('remove'), removeItem: t('removeItem', { name }) };
}
