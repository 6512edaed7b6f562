'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { requestFreshLinkAction } from './actions';

export function FreshLinkForm({ link }: { link: string }) {
  const t = useTranslations('Articles');
  const [state, action, pending] = useActionState(requestFreshLinkAction, {});
  if (state.sent) {
    return <p role="status" className="ok">{t('freshSent')}</p>;
  }
  return (
    <form action={action} className="fresh-link">
      <input type="hidden" name="link" value={link} />
      <label htmlFor="fresh-email">{t('freshEmail')}</label>
      <input id="fresh-email" name="email" type="email" autoComplete="email" required />
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      <button type="submit" disabled={pending}>{t('freshSend')}</button>
    </form>
  );
}
