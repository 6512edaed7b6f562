'use client';

import { useActionState } from 'react';
import { createCouponAction } from './actions';

export function CouponForm() {
  const [state, action, pending] = useActionState(createCouponAction, {});
  return (
    <form action={action} noValidate aria-label="New coupon">
      <label htmlFor="code">Code</label>
      <input id="code" name="code" autoComplete="off" />
      <fieldset>
        <legend>Discount</legend>
        <label><input type="radio" name="kind" value="percent" defaultChecked /> Percent off</label>
        <label htmlFor="percentOff">Percent</label>
        <input id="percentOff" name="percentOff" inputMode="numeric" size={4} />
        <label><input type="radio" name="kind" value="fixed" /> Fixed amount (per currency; leave a currency empty to refuse it)</label>
        {['EUR', 'GBP', 'USD'].map((currency) => (
          <span key={currency}><label htmlFor={`amount-${currency}`}>{currency}</label> <input id={`amount-${currency}`} name={currency} inputMode="decimal" size={8} /></span>
        ))}
      </fieldset>
      <label htmlFor="expiresOn">Expires on (optional; ends at 00:00 UTC that day)</label>
      <input id="expiresOn" name="expiresOn" type="date" />
      <label htmlFor="usageLimit">Usage limit (optional)</label>
      <input id="usageLimit" name="usageLimit" inputMode="numeric" />
      <button type="submit" disabled={pending}>Create coupon</button>
      {state.error ? <p role="alert" className="form-error">{state.error}</p> : null}
      {state.message ? <p role="status" className="ok">{state.message}</p> : null}
    </form>
  );
}
