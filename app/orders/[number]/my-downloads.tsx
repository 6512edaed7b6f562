// The FULL tier's downloads: a live button only for a download that can be had now; any other
// says why not and what to do next (lib/orders/view.ts decides which, as the endpoint would).
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { db } from '@/lib/server/shop';
import { versionsForBuyer, type VersionForBuyer } from '@/lib/versions/buyer';
import { formatFileSize } from '@/lib/versions/size';
import { downloadStateOf, type DownloadState, type DownloadView, type OrderFullView } from '@/lib/orders/view';
import { formatDate } from '@/app/_components/dates';
import { DownloadButton } from './download-button';
import { CopyDigest } from './copy-digest';
import { copyDigestWords, downloadWords as downloadButtonWords, versionDownloadWords } from './words';

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

/** A version's facts: its name, date and size, its SHA-256 with a copy button, its release notes. */
function VersionFacts({ version, productName, locale }: { version: VersionForBuyer; productName: string; locale: string }) {
  const t = translatorFor(locale, 'Versions');
  const facts = [t('version', { version: version.version }), t('publishedOn', { date: formatDate(version.publishedAt, locale) }),
    ...(version.sizeBytes === null ? [] : [formatFileSize(version.sizeBytes, locale)])];
  return (
    <div className="version" data-testid={`version-${version.version}`}>
      <p className="meta">{facts.join(' · ')}</p>
      {version.sha256 ? (
        <p className="digest-line">
          <span>{t('sha256')}: </span><code className="digest" data-testid="sha256">{version.sha256}</code>{' '}
          <CopyDigest digest={version.sha256} words={copyDigestWords(locale, productName, version.version)} />
        </p>
      ) : <p className="hint">{t('digestUnknown')}</p>}
      {version.notesHtml ? (
        <details>
          <summary>{t('releaseNotes', { version: version.version })}</summary>
          <div className="release-notes" dangerouslySetInnerHTML={{ __html: version.notesHtml }} />
        </details>
      ) : null}
    </div>
  );
}

export async function MyDownloads({ view, linkQuery, now }: { view: OrderFullView; linkQuery: string; now: Date }) {
  const locale = await getLocale();
  const t = translatorFor(locale, 'Order');
  const tv = translatorFor(locale, 'Versions');
  const versions = await versionsForBuyer(db(), view.downloads.map((d) => d.productSlug));
  const orderLink = `/orders/${view.number}?${linkQuery}`;
  return (
    <section id="downloads" aria-labelledby="downloads-heading" className="downloads">
      <h2 id="downloads-heading">{t('myDownloads')}</h2>
      <ul>
        {view.downloads.map((d) => {
          const state = downloadStateOf(d, now);
          const { meta, why } = downloadWords(t, d, state, view.number, locale);
          const { current, earlier } = versions.get(d.productSlug) ?? { current: null, earlier: [] };
          return (
            <li key={d.licenseId} data-testid={`download-${d.productSlug}`} data-state={state}>
              <span className="name">{d.productName}</span>
              <span className="meta">{meta}</span>
              {state === 'ready' ? (
                <DownloadButton orderLink={orderLink} licenseId={d.licenseId} productSlug={d.productSlug} locale={locale} words={downloadButtonWords(locale, d.productName)} />
              ) : <p className="why">{why}</p>}
              {current && state !== 'no-file' ? <VersionFacts version={current} productName={d.productName} locale={locale} /> : null}
              {state === 'ready' && earlier.length > 0 ? (
                <details className="earlier-versions">
                  <summary>{tv('earlier')}</summary>
                  <ul>
                    {earlier.map((v) => (
                      <li key={v.id}>
                        <VersionFacts version={v} productName={d.productName} locale={locale} />
                        <DownloadButton orderLink={orderLink} licenseId={d.licenseId} productSlug={d.productSlug} locale={locale}
                          versionId={v.id} words={versionDownloadWords(locale, d.productName, v.version)} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
