'use client';

import { useActionState } from 'react';
import { CURRENCIES } from '@/lib/catalog/currencies';
import { ActionStatus } from '../action-status';
import { createCouponAction } from './actions';

export type CouponFormWords = Record<
  'couponNew' | 'couponCode' | 'couponDiscount' | 'couponPercentOff' | 'couponPercent' | 'couponFixed' | 'couponExpiresOn' | 'couponUsageLimit' | 'couponCreate',
  string
>;

export function CouponForm({ words }: { words: CouponFormWords }) {
  const [state, action, pending] = useActionState(createCouponAction, {});
  return (
    <form action={action} noValidate aria-label={words.couponNew} className="admin-form">
      <label htmlFor="code">{words.couponCode}</label>
      <input id="code" name="code" autoComplete="off" />
      <fieldset>
        <legend>{words.couponDiscount}</legend>
        <label><input type="radio" name="kind" value="percent" defaultChecked /> {words.couponPercentOff}</label>
        <label htmlFor="percentOff">{words.couponPercent}</label>
        <input id="percentOff" name="percentOff" inputMode="numeric" size={4} />
        <label><input type="radio" name="kind" value="fixed" /> {words.couponFixed}</label>
        {CURRENCIES.map((currency) => (
          <span key={currency} className="amount"><label htmlFor={`amount-${currency}`}>{currency}</label> <input id={`amount-${currency}`} name={currency} inputMode="decimal" size={8} /></span>
        ))}
      </fieldset>
      <label htmlFor="expiresOn">{words.couponExpiresOn}</label>
      <input id="expiresOn" name="expiresOn" type="date" />
      <label htmlFor="usageLimit">{words.couponUsageLimit}</label>
      <input id="usageLimit" name="usageLimit" inputMode="numeric" />
      <button type="submit" disabled={pending}>{words.couponCreate}</button>
      <ActionStatus state={state} />
    </form>
  );
}
