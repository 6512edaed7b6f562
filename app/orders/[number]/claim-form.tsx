'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { claimOrderAction, requestClaimAction } from './claim-actions';

/** On the MINIMAL tier: mail a one-time link to the order's email, if this is it. */
export function RequestClaimForm({ number }: { number: string }) {
  const t = useTranslations('Claim');
  const [state, action, pending] = useActionState(requestClaimAction, {});
  return (
    <form action={action} className="claim-form" aria-labelledby="claim-heading">
      <h2 id="claim-heading">{t('heading')}</h2>
      <p className="hint">{t('hint')}</p>
      <input type="hidden" name="number" value={number} />
      <label htmlFor="claim-email">{t('email')}</label>
      <input id="claim-email" name="email" type="email" autoComplete="email" required maxLength={320} />
      <button type="submit" disabled={pending}>{t('send')}</button>
      {state.sent ? <p role="status" className="ok">{t('sent')}</p> : null}
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}

/** The page the mailed link opens: a button, so a mail scanner fetching the link spends nothing. */
export function ClaimOrderForm({ number, link }: { number: string; link: string }) {
  const t = useTranslations('Claim');
  const [state, action, pending] = useActionState(claimOrderAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="link" value={link} />
      <button type="submit" disabled={pending}>{t('open', { number })}</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
    </form>
  );
}
