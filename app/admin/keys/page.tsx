import { db } from '@/lib/server/shop';
import { isUsable, KEY_PURPOSES, listKeys, type KeyPurpose } from '@/lib/key-store';
import { AdminShell } from '../admin-shell';
import { AdminTable } from '../admin-table';
import { adminTitle, adminWords } from '../admin-words';
import { RotateKeyForm } from './rotate-form';
import { ConfirmStep } from '../confirm-step';

export const generateMetadata = () => adminTitle((t) => t('keysTitle'));

const graceDays = (purpose: KeyPurpose) => KEY_PURPOSES[purpose].graceMs / 86_400_000;

export default async function AdminKeysPage({ searchParams }: { searchParams: Promise<{ confirm?: string | string[] }> }) {
  const { confirm } = await searchParams;
  return <AdminShell><StoreKeys confirming={typeof confirm === 'string' ? confirm : null} /></AdminShell>;
}

async function StoreKeys({ confirming }: { confirming: string | null }) {
  const { t, dateTime } = await adminWords();
  const now = new Date();
  const keys = await listKeys(db());
  return (
    <>
      <h1>{t('keysTitle')}</h1>
      <p>{t.rich('keysIntro', { days: graceDays('payload-encryption'), link: (chunks) => <a href="/.well-known/jwks.json">{chunks}</a> })}</p>
      <AdminTable columns={[t('keyPurpose'), t('keyGeneration'), t('keyId'), t('keyAlgorithm'), t('keyCreated'), t('keyState')]}
        rows={keys.map((key) => ({
          key: key.kid,
          cells: [
            key.purpose, key.generation, <code key="kid">{key.kid}</code>, key.alg, dateTime(key.createdAt),
            key.retiredAt === null ? t('keyActive') : isUsable(key, now) ? t('keyRetired', { date: dateTime(key.retiredAt) }) : t('keyExpired'),
          ],
        }))} />
      {keys.length === 0 ? <p>{t('keysNone')}</p> : null}
      {(Object.keys(KEY_PURPOSES) as KeyPurpose[]).map((purpose) => (
        <ConfirmStep key={purpose} path="/admin/keys" id={purpose} confirming={confirming === purpose} label={t('keyRotate', { purpose })}
          consequence={t('keyRotateConsequence', { purpose, days: graceDays(purpose) })}>
          <RotateKeyForm purpose={purpose} label={t('keyRotateYes', { purpose })} />
        </ConfirmStep>
      ))}
    </>
  );
}
