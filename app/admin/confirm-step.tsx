import Link from 'next/link';
import { adminWords } from './admin-words';

interface ConfirmStepProps {
  /** The page this step sits on; `?confirm=<id>` on it opens the step. */
  path: string;
  id: string;
  confirming: boolean;
  /** What the first click says, e.g. "Mark dispatched". */
  label: string;
  /** What cannot be undone, said before the real button. */
  consequence: string;
  /** The action's own form, whose button says "Yes, …". */
  children: React.ReactNode;
}

/** An irreversible admin action asks first, with and without JavaScript: a link, then the real form. */
export async function ConfirmStep({ path, id, confirming, label, consequence, children }: ConfirmStepProps) {
  if (!confirming) return <p><Link className="button-link" href={`${path}?confirm=${encodeURIComponent(id)}`}>{label}…</Link></p>;
  const { t } = await adminWords();
  return (
    <section className="confirm-step" aria-labelledby={`confirm-${id}`}>
      <p id={`confirm-${id}`}><strong>{consequence}</strong></p>
      {children}
      <p><Link href={path}>{t('confirmCancel')}</Link></p>
    </section>
  );
}
