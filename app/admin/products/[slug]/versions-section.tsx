// The admin product page's versions: publish a new one (upload, external URL or S3 object),
// see every one with its size and SHA-256, withdraw one (after a confirm step), and choose
// whether buyers may pick earlier ones.
import { getLocale } from 'next-intl/server';
import { translatorFor } from '@/lib/i18n/messages';
import { formatDate } from '@/lib/i18n/intl';
import { db } from '@/lib/server/shop';
import { versionsForAdmin } from '@/lib/versions/publish';
import { formatFileSize } from '@/lib/versions/size';
import { VERSION_FORM_ERRORS, type VersionFormError } from '@/lib/versions/form';
import { AdminTable } from '../../admin-table';
import { ConfirmStep } from '../../confirm-step';
import { allowOlderVersionsAction, withdrawVersionAction } from './version-actions';

export interface VersionsQuery { published?: string; told?: string; nodigest?: string; versionError?: string; withdrawn?: string; olderSaved?: string; confirm?: string }

interface Props { product: { id: number; slug: string; allowOlderVersions: boolean; currentVersionId: number | null }; query: VersionsQuery }

export async function VersionsSection({ product, query }: Props) {
  const locale = await getLocale();
  const t = translatorFor(locale, 'Versions');
  const versions = await versionsForAdmin(db(), product.id);
  const path = `/admin/products/${product.slug}`;
  const error = VERSION_FORM_ERRORS.find((key) => key === query.versionError) as VersionFormError | undefined;
  const status = (v: (typeof versions)[number]) => v.withdrawnAt
    ? `${t('statusWithdrawn')} ${formatDate(v.withdrawnAt, locale)}` : v.id === product.currentVersionId ? t('statusCurrent') : t('statusAvailable');
  return (
    <section aria-labelledby="versions-heading" className="versions-admin">
      <h2 id="versions-heading">{t('adminHeading')}</h2>
      <p className="hint">{t('adminHint')}</p>
      {query.published ? (
        <p role="status" className="ok">{t('published', { version: query.published, count: Number(query.told ?? 0) })}{query.nodigest ? ` ${t('publishedNoDigest')}` : ''}</p>
      ) : null}
      {query.withdrawn ? <p role="status" className="ok">{t('withdrawn')}</p> : null}
      {error ? <p role="alert" className="form-error">{t(error)}</p> : null}
      {versions.length === 0 ? <p>{t('adminNone')}</p> : (
        <AdminTable testId="versions" columns={[t('colVersion'), t('colPublished'), t('colFile'), t('colSize'), t('colSha'), t('colStatus')]}
          rows={versions.map((v) => ({
            key: v.id,
            cells: [
              <span key="v" data-testid={`version-${v.version}`}>{v.version}</span>,
              formatDate(v.publishedAt, locale),
              `${v.kind} · ${v.fileName}`,
              v.sizeBytes === null ? t('notKnown') : formatFileSize(Number(v.sizeBytes), locale),
              v.sha256 ? <code key="s" className="digest">{v.sha256}</code> : t('notKnown'),
              <div key="st">
                <span>{status(v)}</span>
                {v.withdrawnAt ? null : (
                  <ConfirmStep path={path} id={`withdraw-${v.id}`} confirming={query.confirm === `withdraw-${v.id}`}
                    label={t('withdraw', { version: v.version })} consequence={t('withdrawConsequence', { version: v.version })}>
                    <form action={withdrawVersionAction}>
                      <input type="hidden" name="slug" value={product.slug} />
                      <input type="hidden" name="versionId" value={v.id} />
                      <button type="submit">{t('withdrawYes', { version: v.version })}</button>
                    </form>
                  </ConfirmStep>
                )}
              </div>,
            ],
          }))} />
      )}
      <form action={allowOlderVersionsAction} className="admin-form">
        <input type="hidden" name="slug" value={product.slug} />
        <label><input type="checkbox" name="allowOlderVersions" defaultChecked={product.allowOlderVersions} /> {t('allowOlder')}</label>{' '}
        <button type="submit">{t('allowOlderSave')}</button>
        {query.olderSaved ? <span role="status" className="ok"> {t('allowOlderSaved')}</span> : null}
      </form>
      <h3 id="publish-heading">{t('publishHeading')}</h3>
      <form action={`/api/admin/products/${product.slug}/versions`} method="post" encType="multipart/form-data" className="admin-form publish-version" aria-labelledby="publish-heading">
        <label htmlFor="version">{t('versionField')}</label>
        <input id="version" name="version" required maxLength={40} autoComplete="off" />
        <label htmlFor="notes">{t('notesField')}</label>
        <textarea id="notes" name="notes" rows={6} maxLength={20000} />
        <fieldset>
          <legend>{t('sourceField')}</legend>
          <label><input type="radio" name="kind" value="local" defaultChecked /> {t('sourceLocal')}</label>
          <label><input type="radio" name="kind" value="external" /> {t('sourceExternal')}</label>
          <label><input type="radio" name="kind" value="s3" /> {t('sourceS3')}</label>
        </fieldset>
        <label htmlFor="version-file">{t('fileField')}</label>
        <input id="version-file" name="file" type="file" />
        <label htmlFor="version-file-name">{t('fileNameField')}</label>
        <input id="version-file-name" name="fileName" maxLength={200} />
        <label htmlFor="version-url">{t('externalUrlField')}</label>
        <input id="version-url" name="externalUrl" type="url" maxLength={2000} />
        <label htmlFor="version-bucket">{t('s3BucketField')}</label>
        <input id="version-bucket" name="s3Bucket" maxLength={63} />
        <label htmlFor="version-key">{t('s3KeyField')}</label>
        <input id="version-key" name="s3Key" maxLength={1024} />
        <button type="submit">{t('publishSubmit')}</button>
      </form>
    </section>
  );
}
