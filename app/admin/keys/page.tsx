import type { Metadata } from 'next';
import { db } from '@/lib/server/shop';
import { isUsable, KEY_PURPOSES, listKeys, type KeyPurpose } from '@/lib/key-store';
import { formatDateTime } from '@/app/_components/dates';
import { AdminShell } from '../admin-shell';
import { RotateKeyForm } from './rotate-form';
import { ConfirmStep } from '../confirm-step';

export const metadata: Metadata = { title: 'Store keys · Admin' };

const graceDays = (purpose: KeyPurpose) => KEY_PURPOSES[purpose].graceMs / 86_400_000;

export default async function AdminKeysPage({ searchParams }: { searchParams: Promise<{ confirm?: string | string[] }> }) {
  const { confirm } = await searchParams;
  return <AdminShell><StoreKeys confirming={typeof confirm === 'string' ? confirm : null} /></AdminShell>;
}

async function StoreKeys({ confirming }: { confirming: string | null }) {
  const now = new Date();
  const keys = await listKeys(db());
  return (
    <>
      <h1>Store keys</h1>
      <p>Keys the shop owns, published at <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>. A rotated key stays published and usable for {KEY_PURPOSES['payload-encryption'].graceMs / 86_400_000} days.</p>
      <table className="admin-table">
        <thead><tr><th scope="col">Purpose</th><th scope="col">Generation</th><th scope="col">Key id</th><th scope="col">Algorithm</th><th scope="col">Created</th><th scope="col">State</th></tr></thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.kid}>
              <td>{key.purpose}</td>
              <td>{key.generation}</td>
              <td><code>{key.kid}</code></td>
              <td>{key.alg}</td>
              <td>{formatDateTime(key.createdAt)}</td>
              <td>{key.retiredAt === null ? 'active' : isUsable(key, now) ? `retired ${formatDateTime(key.retiredAt)}, still published` : 'expired'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length === 0 ? <p>No keys yet: each is made when first needed.</p> : null}
      {(Object.keys(KEY_PURPOSES) as KeyPurpose[]).map((purpose) => (
        <ConfirmStep key={purpose} path="/admin/keys" id={purpose} confirming={confirming === purpose} label={`Rotate ${purpose} key`}
          consequence={`Rotate the ${purpose} key? A new key becomes active at once; the current one stays published and usable for ${graceDays(purpose)} days, then stops working. This cannot be undone.`}>
          <RotateKeyForm purpose={purpose} />
        </ConfirmStep>
      ))}
    </>
  );
}
