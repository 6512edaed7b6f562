import { db } from '@/lib/server/shop';
import { listCoupons } from '@/lib/coupons/admin';
import { AdminShell } from '../admin-shell';
import { AdminTable } from '../admin-table';
import { adminTitle, adminWords, wordsFor } from '../admin-words';
import { setCouponActiveAction } from './actions';
import { CouponForm } from './coupon-form';

export const generateMetadata = () => adminTitle((t) => t('couponsTitle'));

export default function AdminCouponsPage() {
  return <AdminShell><Coupons /></AdminShell>;
}

async function Coupons() {
  const { t, date, money } = await adminWords();
  const coupons = await listCoupons(db());
  return (
    <>
      <h1>{t('couponsTitle')}</h1>
      {coupons.length === 0 ? <p>{t('couponsNone')}</p> : (
        <AdminTable columns={[t('couponCode'), t('couponDiscount'), t('couponExpires'), t('couponUsed'), t('colStatus')]}
          rows={coupons.map((c) => ({
            key: c.id,
            cells: [
              <code key="code">{c.code}</code>,
              c.kind === 'percent' ? t('couponPercentValue', { percent: c.percentOff ?? 0 }) : c.amounts.map((a) => money(a.amountCents, a.currency)).join(' · '),
              c.expiresAt ? date(c.expiresAt) : t('couponNever'),
              c.usageLimit !== null ? t('couponUsedOf', { used: c.usedCount, limit: c.usageLimit }) : c.usedCount,
              <form key="active" action={setCouponActiveAction} className="inline-form">
                <input type="hidden" name="couponId" value={c.id} />
                <input type="hidden" name="active" value={String(!c.active)} />
                {c.active ? t('couponActive') : t('couponInactive')} <button type="submit">{c.active ? t('couponDeactivate') : t('couponActivate')}</button>
              </form>,
            ],
          }))} />
      )}
      <h2>{t('couponNew')}</h2>
      <CouponForm words={wordsFor(t, [
        'couponNew', 'couponCode', 'couponDiscount', 'couponPercentOff', 'couponPercent', 'couponFixed', 'couponExpiresOn', 'couponUsageLimit', 'couponCreate',
      ])} />
    </>
  );
}
