import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { failedDeliveryCount } from '@/lib/webhooks/admin';
import { adminWords } from '../admin-words';

/** The admin notice for deliveries that gave up after their day of retries (on /admin and /admin/webhooks). */
export async function FailedWebhooksNotice({ link = true }: { link?: boolean }) {
  const count = await failedDeliveryCount(db());
  if (count === 0) return null;
  const { t } = await adminWords();
  return (
    <p role="status" className="form-error" data-testid="webhooks-failed-notice">
      {t('webhookFailedNotice', { count })}{link ? <> <Link href="/admin/webhooks">{t('webhookFailedLink')}</Link></> : null}
    </p>
  );
}
