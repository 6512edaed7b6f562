// The FULL tier's downloads: a live button only for a download that can be had now; any other
// says why not and what to do next (lib/orders/view.ts decides which, as the endpoint would).
import { useLocale } from 'next-intl';
import { translatorFor } from '@/lib/i18n/messages';
import { downloadStateOf, type DownloadState, type DownloadView, type OrderFullView } from '@/lib/orders/view';
import { formatDate } from '@/app/_components/dates';
import { DownloadButton } from './download-button';
import { downloadWords as downloadButtonWords } from './words';

type Translate = ReturnType<typeof translatorFor<'Order'>>;

/** What the line says besides its name: how many downloads are left and until when, or why there are none. */
function downloadWords(t: Translate, d: DownloadView, state: DownloadState, number: string, locale: string): { meta: string; why?: string } {
  const until = d.expiresAt ? ` · ${t('until', { date: formatDate(d.expiresAt, locale) })}` : '';
  const left = d.downloadsLeft === null ? t('unlimited') : t('downloadsLeft', { count: d.downloadsLeft });
  const WHY: Record<Exclude<DownloadState, 'ready'>, () => { meta: string; why: string }> = {
    revoked: () => ({ meta: t('downloadRevoked'), why: t('downloadRevokedHelp', { number }) }),
    expired: () => ({ meta: t('downloadEnded', { date: formatDate(d.expiresAt!, locale) }), why: t('downloadEndedHelp', { number }) }),
    'used-up': () => ({ meta: `${left}${until}`, why: t('downloadUsedUpHelp', { number }) }),
    'no-file': () => ({ meta: `${left}${until}`, why: t('fileNotReady') }),
  };
  return state === 'ready' ? { meta: `${left}${until}` } : WHY[state]();
}

export function MyDownloads({ view, linkQuery, now }: { view: OrderFullView; linkQuery: string; now: Date }) {
  const locale = useLocale();
  const t = translatorFor(locale, 'Order');
  const orderLink = `/orders/${view.number}?${linkQuery}`;
  return (
    <section id="downloads" aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">{t('myDownloads')}</h2>
      <ul>
        {view.downloads.map((d) => {
          const state = downloadStateOf(d, now);
          const { meta, why } = downloadWords(t, d, state, view.number, locale);
          return (
            <li key={d.licenseId} data-testid={`download-${d.productSlug}`} data-state={state}>
              <span className="name">{d.productName}</span>
              <span className="meta">{meta}</span>
              {state === 'ready' ? (
                <DownloadButton orderLink={orderLink} licenseId={d.licenseId} productSlug={d.productSlug} locale={locale} words={downloadButtonWords(locale, d.productName)} />
              ) : <p className="why">{why}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
