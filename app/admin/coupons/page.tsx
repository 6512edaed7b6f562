import type { Metadata } from 'next';
import { db } from '@/lib/server/shop';
import { listCoupons } from '@/lib/coupons/admin';
import { formatMoney } from '@/lib/money';
import { formatDate } from '@/app/_components/dates';
import { AdminShell } from '../admin-shell';
import { setCouponActiveAction } from './actions';
import { CouponForm } from './coupon-form';

export const metadata: Metadata = { title: 'Coupons · Admin' };

export default function AdminCouponsPage() {
  return <AdminShell><Coupons /></AdminShell>;
}

async function Coupons() {
  const coupons = await listCoupons(db());
  return (
    <>
      <h1>Coupons</h1>
      {coupons.length === 0 ? <p>No coupons yet.</p> : (
        <table className="admin-table">
          <thead><tr><th scope="col">Code</th><th scope="col">Discount</th><th scope="col">Expires</th><th scope="col">Used</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {coupons.map((c) => (
              <tr key={c.id}>
                <td>{c.code}</td>
                <td>{c.kind === 'percent' ? `${c.percentOff}%` : c.amounts.map((a) => formatMoney(a.amountCents, a.currency)).join(' · ')}</td>
                <td>{c.expiresAt ? formatDate(c.expiresAt) : 'never'}</td>
                <td>{c.usedCount}{c.usageLimit !== null ? ` of ${c.usageLimit}` : ''}</td>
                <td>
                  <form action={setCouponActiveAction} className="inline-form">
                    <input type="hidden" name="couponId" value={c.id} />
                    <input type="hidden" name="active" value={String(!c.active)} />
                    {c.active ? 'active' : 'inactive'} <button type="submit">{c.active ? 'Deactivate' : 'Activate'}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New coupon</h2>
      <CouponForm />
    </>
  );
}
