import Link from 'next/link';
import { useLocale } from 'next-intl';
import type { PublicArticle } from '@/lib/content/articles';
import type { LockReason } from '@/lib/content-links/article-page';
import { formatMoney } from '@/lib/money';
import { moneyLocale, translatorFor } from '@/lib/i18n/messages';
import { AddToCartForm } from '@/app/products/[slug]/add-to-cart-form';
import { FreshLinkForm } from './fresh-link-form';
import { freshLinkWords } from './words';
import { addToCartWords } from '@/app/products/[slug]/words';
import { JsonLd } from '@/app/_components/json-ld';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'shop-content-container': React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & {
        'lock-mode'?: string; 'item-src'?: string; 'access-url'?: string; state?: string;
      };
    }
  }
}

/** The same element other sites embed; here the server has already decided, so it stays as rendered. */
/** Google's paywalled-content markup: the teaser is free, the part in `.paywalled` is for buyers (not cloaking). */
export function PaywallMarkup({ article }: { article: { title: string; teaser: string } }) {
  return <JsonLd data={{
    '@context': 'https://schema.org', '@type': 'Article', headline: article.title, description: article.teaser,
    isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywalled' },
  }} />;
}

export function ContentContainer({ itemSrc, slug, state, children }: { itemSrc: string; slug: string; state: string; children: React.ReactNode }) {
  return (
    <>
      <shop-content-container className="paywalled" lock-mode="signedUrl" item-src={itemSrc} access-url={`/api/access/${slug}`} state={state}>
        {children}
      </shop-content-container>
      {/* No /content-container.js here: with `state` set the element does nothing, so the shop's own page loads no script for it. */}
    </>
  );
}

/** A revoked link says what the access API says (Errors.CONTENT_LINK_REVOKED); the others are `Articles.lock_<reason>`. */
const lockMessage = (reason: LockReason, locale: string) =>
  (reason === 'revoked' ? translatorFor(locale, 'Errors')('CONTENT_LINK_REVOKED') : translatorFor(locale, 'Articles')(`lock_${reason}`));

export function LockedNotice({ article, reason, presentedLink }: { article: PublicArticle; reason: LockReason; presentedLink: string | null }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Articles');
  const passes = article.passes.flatMap(({ pass }) => (pass.product?.active ? [{ name: pass.name, product: pass.product.slug }] : []));
  return (
    <section className="locked" aria-labelledby="locked-heading">
      {/* A heading may not be an alert itself: the words inside it are. */}
      <h2 id="locked-heading" data-testid="lock-reason"><span role={reason === 'no-link' ? undefined : 'alert'}>{lockMessage(reason, locale)}</span></h2>
      {reason === 'expired' && presentedLink ? <FreshLinkForm link={presentedLink} words={freshLinkWords(locale)} /> : null}
      {article.product?.active ? (
        <div className="buy">
          <p>{t('buyFor', { price: formatMoney(article.product.priceCents, article.product.currency, moneyLocale(locale)) })}</p>
          <AddToCartForm slug={article.product.slug} words={addToCartWords(locale)} />
        </div>
      ) : null}
      {passes.map((pass) => (
        <p key={pass.product}>{t.rich('includedIn', { name: pass.name, pass: (words) => <Link href={`/products/${pass.product}`}>{words}</Link> })}</p>
      ))}
    </section>
  );
}
