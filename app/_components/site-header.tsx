import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { LOCALES } from '@/lib/i18n/locales';
import { chooseLanguageAction } from '@/app/language/actions';
import { CountryPicker } from './country-picker';
import { MenuCloser } from './menu-closer';

interface HeaderProps { cartCount: number; hasAccount: boolean; country: string; currency: string }

/** The site's header. On a phone the links and pickers fold into a menu. */
export async function SiteHeader({ cartCount, hasAccount, country, currency }: HeaderProps) {
  const locale = await getLocale();
  const t = translatorFor(locale, 'Layout');
  const links = (
    <>
      <Link href="/">{t('catalogue')}</Link>
      <Link href="/articles">{t('articles')}</Link>
      <Link href="/cart">{cartCount > 0 ? t('cartCount', { count: cartCount }) : t('cart')}</Link>
      {hasAccount ? <Link href="/account">{t('account')}</Link> : null}
    </>
  );
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">{t('skip')}</a>
      <Link href="/" className="brand">{t('brand')}</Link>
      {/* A checkbox and its label open the menu on a phone, with no script; on a wide screen the panel is the header. */}
      <input type="checkbox" id="site-menu-toggle" className="menu-toggle" aria-controls="site-menu-panel" />
      <label htmlFor="site-menu-toggle" className="menu-button">{t('menu')}</label>
      <MenuCloser toggleId="site-menu-toggle" panelId="site-menu-panel" />
      <div id="site-menu-panel" className="site-menu-panel">
        <nav aria-label={t('mainNav')} className="site-nav">{links}</nav>
        <div className="site-pickers">
          <CountryPicker country={country} currency={currency} locale={locale}
            labels={{ shipTo: t('shipTo'), choose: t('chooseCountry'), show: t('showPrices') }} />
          <LanguageSwitch locale={locale} labels={{ language: t('language'), change: t('changeLanguage') }} />
        </div>
      </div>
    </header>
  );
}

/** Each language named in itself, by its own catalogue (`Layout.languageName`): a new language needs no change here. */
const languageName = (code: string) => translatorFor(code, 'Layout')('languageName');

/** The choice is kept in a cookie (Accept-Language decides until then). */
function LanguageSwitch({ locale, labels }: { locale: string; labels: { language: string; change: string } }) {
  const id = 'language';
  return (
    <form action={chooseLanguageAction} className="language-switch">
      <label htmlFor={id}>{labels.language}</label>
      <select id={id} name="language" defaultValue={locale}>
        {LOCALES.map((code) => <option key={code} value={code} lang={code}>{languageName(code)}</option>)}
      </select>
      <button type="submit">{labels.change}</button>
    </form>
  );
}
