import { db } from '@/lib/server/shop';
import { AdminShell } from '../admin-shell';
import { AdminTable } from '../admin-table';
import { adminTitle, adminWords } from '../admin-words';

export const generateMetadata = () => adminTitle((t) => t('accountsTitle'));

export default function AdminAccountsPage() {
  return <AdminShell><Accounts /></AdminShell>;
}

async function Accounts() {
  const { t, dateTime } = await adminWords();
  const accounts = await db().account.findMany({
    orderBy: { createdAt: 'desc' }, take: 200,
    include: { integration: { select: { name: true } }, _count: { select: { orders: true } } },
  });
  return (
    <>
      <h1>{t('accountsTitle')}</h1>
      <p className="hint">{t('accountsHint')}</p>
      {accounts.length === 0 ? <p>{t('accountsNone')}</p> : (
        <AdminTable columns={[t('colStoreId'), t('colIntegration'), t('colMerchantKey'), t('colOrders'), t('colSince')]}
          rows={accounts.map((a) => ({
            key: a.id,
            cells: [<code key="id">{a.storeId}</code>, a.integration.name, a.customKey ?? '—', a._count.orders, dateTime(a.createdAt)],
          }))} />
      )}
    </>
  );
}
