// The add-to-cart form's words, translated on the server and handed to it as props: the product
// and article pages ship no translator to the browser (app/_components/client-words.tsx).
import { translatorFor } from '@/lib/i18n/messages';
import type { AddToCartWords } from './add-to-cart-form';

export function addToCartWords(locale: string): AddToCartWords {
  const t = translatorFor(locale, 'Product');
  return { quantity: t('quantity'), add: t('addToCart'), added: t('added'), viewCart: t('viewCart') };
}
