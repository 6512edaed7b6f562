// A software license's key and activations on the admin's order page; each live one can be freed.
import type { KeyView } from '@/lib/licenses/activations';
import { AdminTable } from '../../admin-table';
import type { AdminTranslator } from '../../admin-words';
import { AdminFreeActivationForm } from './license-key-forms';

export function LicenseKeyDetails({ view, t, dateTime }: { view: KeyView; t: AdminTranslator; dateTime: (date: Date) => string }) {
  return (
    <>
      <p><code data-testid={`admin-license-key-${view.licenseId}`}>{t('licenseKeyLine', { key: view.licenseKey })}</code>{' · '}
        {view.activationLimit === null ? t('activationsUsedUnlimited', { used: view.activationCount })
          : t('activationsUsedOf', { used: view.activationCount, limit: view.activationLimit })}</p>
      {view.activations.length > 0 ? (
        <AdminTable caption={t('activationsHeading')} columns={[t('colInstance'), t('colActivated'), t('colEnded'), t('activationFree')]}
          rows={view.activations.map((a) => ({
            key: a.instanceId,
            cells: [a.name, dateTime(a.createdAt), a.deactivatedAt ? t('activationEndedBy', { date: dateTime(a.deactivatedAt), by: a.deactivatedBy ?? '' }) : t('activationActive'),
              a.deactivatedAt ? '' : <AdminFreeActivationForm key={a.instanceId} licenseId={view.licenseId} instanceId={a.instanceId}
                words={{ free: t('activationFree'), label: t('activationFreeNamed', { name: a.name }) }} />],
          }))} />
      ) : null}
    </>
  );
}
