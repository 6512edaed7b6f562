import { db } from '@/lib/server/shop';
import { licensesWithLog } from '@/lib/downloads/licenses';
import { formatDateTime } from '@/app/_components/dates';
import { LicenseOverrideForm, LicenseStatusForm } from '../../admin-forms';

const describeEvent = (e: { source: string; bytes: bigint | null; redirectTo: string | null; rangeStart: bigint | null }) =>
  e.redirectTo ? `redirect to ${e.redirectTo}` : `${e.bytes ?? 0} bytes${e.rangeStart ? ` from byte ${e.rangeStart}` : ''}`;

export async function OrderLicenses({ orderId }: { orderId: number }) {
  const licenses = await licensesWithLog(db(), orderId);
  if (licenses.length === 0) return null;
  return (
    <section aria-labelledby="licenses-heading">
      <h2 id="licenses-heading">Licenses</h2>
      {licenses.map((license) => (
        <article key={license.id} className="license" aria-label={`License ${license.id}: ${license.product.name}`}>
          <h3>{license.product.name} — license #{license.id}</h3>
          <p>Status: <strong data-testid={`license-status-${license.id}`}>{license.status}</strong> · downloads used {license.downloadCount}
            {license.downloadLimit === null ? ' (unlimited)' : ` of ${license.downloadLimit}`}
            {license.expiresAt ? ` · expires ${formatDateTime(license.expiresAt)}` : ''}</p>
          <LicenseStatusForm licenseId={license.id} status={license.status} />
          <LicenseOverrideForm licenseId={license.id} downloadLimit={license.downloadLimit?.toString() ?? ''}
            expiresOn={license.expiresAt?.toISOString().slice(0, 10) ?? ''} />
          {license.downloads.length > 0 ? (
            <table className="admin-table">
              <caption>Download log</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Source</th><th scope="col">What</th><th scope="col">Counted</th><th scope="col">IP</th><th scope="col">Browser</th></tr></thead>
              <tbody>
                {license.downloads.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td><td>{e.source}</td><td>{describeEvent(e)}</td>
                    <td>{e.counted ? 'yes' : 'no (resume or repeat)'}</td><td>{e.ip}</td><td>{e.userAgent.slice(0, 60)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p>No downloads yet.</p>}
        </article>
      ))}
    </section>
  );
}
