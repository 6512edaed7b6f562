import { db } from '@/lib/server/shop';
import { licensesWithLog } from '@/lib/downloads/licenses';
import { keysOfOrder } from '@/lib/licenses/activations';
import { LicenseKeyDetails } from './license-keys';
import { LicenseOverrideForm, LicenseStatusForm } from '../../admin-forms';
import { AdminTable } from '../../admin-table';
import { adminWords, wordsFor, type AdminTranslator } from '../../admin-words';

interface LoggedDownload { source: string; bytes: bigint | null; redirectTo: string | null; rangeStart: bigint | null }

const describeEvent = (t: AdminTranslator, e: LoggedDownload) => {
  if (e.redirectTo) return t('eventRedirect', { url: e.redirectTo });
  const bytes = String(e.bytes ?? 0);
  return e.rangeStart ? t('eventBytesFrom', { bytes, start: String(e.rangeStart) }) : t('eventBytes', { bytes });
};

export async function OrderLicenses({ orderId }: { orderId: number }) {
  const [licenses, keys] = await Promise.all([licensesWithLog(db(), orderId), keysOfOrder(db(), orderId)]);
  if (licenses.length === 0) return null;
  const { t, dateTime } = await adminWords();
  return (
    <section aria-labelledby="licenses-heading">
      <h2 id="licenses-heading">{t('licensesHeading')}</h2>
      {licenses.map((license) => (
        <article key={license.id} className="license" aria-label={t('licenseLabel', { id: String(license.id), name: license.product.name })}>
          <h3>{t('licenseHeading', { id: String(license.id), name: license.product.name })}</h3>
          <p>{t.rich('licenseStatus', { code: license.status, status: (chunks) => <strong data-testid={`license-status-${license.id}`}>{chunks}</strong> })}
            {' · '}{license.downloadLimit === null
              ? t('licenseUsedUnlimited', { used: license.downloadCount })
              : t('licenseUsedOf', { used: license.downloadCount, limit: license.downloadLimit })}
            {license.expiresAt ? ` · ${t('licenseExpires', { date: dateTime(license.expiresAt) })}` : ''}</p>
          {keys.filter((key) => key.licenseId === license.id).map((key) => <LicenseKeyDetails key={key.licenseId} view={key} t={t} dateTime={dateTime} />)}
          <LicenseStatusForm licenseId={license.id} status={license.status} label={license.status === 'active' ? t('licenseRevoke') : t('licenseReactivate')} />
          <LicenseOverrideForm licenseId={license.id} downloadLimit={license.downloadLimit?.toString() ?? ''}
            expiresOn={license.expiresAt?.toISOString().slice(0, 10) ?? ''} words={wordsFor(t, ['licenseLimit', 'licenseExpiresOn', 'licenseSaveLimits'])} />
          {license.downloads.length > 0 ? (
            <AdminTable caption={t('downloadLog')} columns={[t('colWhen'), t('colSource'), t('colWhat'), t('colCounted'), t('colIp'), t('colBrowser')]}
              rows={license.downloads.map((e) => ({
                key: e.id,
                cells: [dateTime(e.at), e.source, describeEvent(t, e), e.counted ? t('countedYes') : t('countedNo'), e.ip, e.userAgent.slice(0, 60)],
              }))} />
          ) : <p>{t('downloadsNone')}</p>}
        </article>
      ))}
    </section>
  );
}
