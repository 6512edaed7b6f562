// The FULL tier's license keys: each key, how many activations are in use, and a "Free" button per
// live activation (lib/licenses). Shown only where the order has software with keys.
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/server/shop';
import { keysOfOrder } from '@/lib/licenses/activations';
import { translatorFor } from '@/lib/i18n/messages';
import { formatDate } from '@/app/_components/dates';
import { FreeActivationForm } from './free-activation-form';

export async function MyLicenses({ number, linkQuery }: { number: string; linkQuery: string }) {
  const keys = await keysOfOrder(db(), { number });
  if (keys.length === 0) return null;
  const locale = await getLocale();
  const t = translatorFor(locale, 'Order');
  return (
    <section id="licenses" aria-labelledby="licenses-heading" className="downloads licenses">
      <h2 id="licenses-heading">{t('licenseKeysHeading')}</h2>
      <ul>
        {keys.map((key) => {
          const live = key.activations.filter((a) => a.deactivatedAt === null);
          return (
            <li key={key.licenseId} data-testid={`license-key-${key.licenseId}`}>
              <span className="name">{t('licenseKeyOf', { name: key.productName })}</span>
              <code className="license-key" data-testid="license-key">{key.licenseKey}</code>
              {key.status === 'active' ? (
                <span className="meta" data-testid="activations-in-use">{key.activationLimit === null
                  ? t('activationsInUseUnlimited', { used: key.activationCount })
                  : t('activationsInUse', { used: key.activationCount, limit: key.activationLimit })}</span>
              ) : <p className="why">{t('licenseKeyDisabled')}</p>}
              {live.length === 0 ? <p className="meta">{t('activationsNone')}</p> : (
                <ul className="activations">
                  {live.map((activation) => (
                    <li key={activation.instanceId} data-testid="activation">
                      <span className="name">{activation.name}</span>
                      <span className="meta">{t('activatedOn', { date: formatDate(activation.createdAt, locale) })}</span>
                      <FreeActivationForm number={number} link={linkQuery} licenseId={key.licenseId} instanceId={activation.instanceId}
                        words={{ free: t('activationFree'), label: t('activationFreeNamed', { name: activation.name }), freed: t('activationFreed') }} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
