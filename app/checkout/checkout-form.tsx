'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { placeOrderAction } from './actions';
import { AddressFields, TextField } from '@/app/_components/address-fields';
import { FieldError } from '@/app/_components/field-error';
import type { PayloadRecipient } from '@/lib/secure-payload/schema';
import { countryName } from '@/lib/catalog/countries';

interface Props {
  /** Something in the order is shipped (lib/fulfilment); orders of downloads and reading need no address. */
  delivery: boolean;
  /** Fields a merchant's payload fixed: shown as text, never sent back (the server applies them itself). */
  locked: Record<string, string>;
  recipient: PayloadRecipient | null;
  couponCode: string | null;
  couponLocked: boolean;
  couponError: string | null;
  quantities: { slug: string; name: string; quantity: number }[];
  /** The country chosen for prices, as the delivery country until the shopper picks another. */
  defaultCountry?: string;
}

const CONTACT = ['email', 'fullName', 'company', 'phone'] as const;
const ADDRESS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;

export function CheckoutForm({ delivery, locked, recipient, couponCode, couponLocked, couponError, quantities, defaultCountry }: Props) {
  const t = useTranslations('Checkout');
  const [state, action, pending] = useActionState(placeOrderAction, {});
  const values = state.values;
  const lockedHere = <F extends string>(fields: readonly F[]) => fields.filter((f) => locked[f] !== undefined);
  const addressLocked = ADDRESS.every((f) => locked[f] !== undefined || f === 'addressLine2');
  return (
    <form action={action} noValidate className="checkout-form">
      {quantities.map((q) => (
        <div className="field" key={q.slug}>
          <label htmlFor={`quantity-${q.slug}`}>{t('quantity', { name: q.name })}</label>
          <input id={`quantity-${q.slug}`} name={`quantity:${q.slug}`} inputMode="numeric" defaultValue={values?.[`quantity:${q.slug}`] ?? q.quantity} />
        </div>
      ))}
      <fieldset>
        <legend>{t('contact')}</legend>
        <LockedContact fields={lockedHere(CONTACT)} locked={locked} />
        {locked.email === undefined ? <TextField name="email" label={t('email')} type="email" autoComplete="email" errors={state.errors} defaultValue={values?.email} /> : null}
        {locked.fullName === undefined ? <TextField name="fullName" label={t('fullName')} autoComplete="name" errors={state.errors} defaultValue={values?.fullName} /> : null}
        {locked.email === undefined ? <>
          <TextField name="company" label={t('company')} autoComplete="organization" errors={state.errors} defaultValue={values?.company} />
          <TextField name="phone" label={t('phone')} type="tel" autoComplete="tel" errors={state.errors} defaultValue={values?.phone} />
        </> : null}
      </fieldset>
      {recipient ? (
        <fieldset data-testid="gift-recipient">
          <legend>{t('giftRecipient')}</legend>
          <dl className="locked">
            <dt>{t('fullName')}</dt><dd>{recipient.name}</dd>
            <dt>{t('email')}</dt><dd>{recipient.email}</dd>
            {recipient.message ? <><dt>{t('giftMessage')}</dt><dd>{recipient.message}</dd></> : null}
          </dl>
        </fieldset>
      ) : null}
      {delivery ? (
        <fieldset>
          <legend>{t('delivery')}</legend>
          {addressLocked ? (
            <address className="locked" data-testid="locked-address">
              {[locked.addressLine1, locked.addressLine2, `${locked.postalCode} ${locked.city}`, countryName(locked.country)].filter(Boolean).map((line) => <span key={line}>{line}<br /></span>)}
            </address>
          ) : <AddressFields errors={state.errors} values={{ country: defaultCountry ?? '', ...values, ...locked }} />}
        </fieldset>
      ) : <p className="hint">{t('noDelivery')}</p>}
      {couponLocked ? <p data-testid="coupon">{t('couponApplied', { code: couponCode ?? '' })}</p> : (
        <div className="field">
          <label htmlFor="coupon">{t('coupon')}</label>
          <input id="coupon" name="coupon" defaultValue={values?.coupon ?? ''} autoComplete="off" aria-describedby="coupon-error" />
          <FieldError id="coupon-error" message={state.errors?.coupon} />
        </div>
      )}
      {couponLocked && couponError ? <p role="alert" className="form-error">{couponError}</p> : null}
      {state.formError ? <p role="alert" className="form-error">{state.formError}</p> : null}
      <button type="submit" className="primary" disabled={pending}>{t('placeOrder')}</button>
    </form>
  );
}

const CONTACT_LABEL = { email: 'email', fullName: 'name', company: 'company', phone: 'phone' } as const;

function LockedContact({ fields, locked }: { fields: (typeof CONTACT)[number][]; locked: Record<string, string> }) {
  const t = useTranslations('Order');
  if (fields.length === 0) return null;
  return (
    <dl className="locked" data-testid="locked-contact">
      {fields.map((f) => <div key={f}><dt>{t(CONTACT_LABEL[f])}</dt><dd data-field={f}>{locked[f]}</dd></div>)}
    </dl>
  );
}
