'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { placeOrderAction, type CheckoutState } from './actions';
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
  /** The currency the page shows the total in: an order the delivery country would charge in another is confirmed first. */
  currency: string;
}

const CONTACT = ['email', 'fullName', 'company', 'phone'] as const;
const ADDRESS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;

/** The id of the input a refused field's name points at (`quantity:<slug>` fields have `quantity-<slug>` ids). */
const inputIdOf = (field: string) => field.replace(/^quantity:/, 'quantity-');
/** The summary lists refusals in the order the form asks: quantities, contact, address, then the rest. */
const FORM_ORDER: readonly string[] = [...CONTACT, ...ADDRESS];
const formRank = (field: string) => (field.startsWith('quantity:') ? -1 : FORM_ORDER.includes(field) ? FORM_ORDER.indexOf(field) : FORM_ORDER.length);

/** After each answer, focus goes to what the shopper must read: the new total, the refusal, or the list of fields to fix. */
function useFocusOnAnswer(state: CheckoutState) {
  const message = useRef<HTMLParagraphElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state.attempt) return;
    (message.current ?? summary.current)?.focus();
  }, [state]);
  return { message, summary };
}

export function CheckoutForm(props: Props) {
  const [state, action, pending] = useActionState(placeOrderAction, {});
  const focus = useFocusOnAnswer(state);
  const t = useTranslations('Checkout');
  const notice = state.repriced?.message ?? state.formError;
  // React empties a form once its action is done: drawing it afresh keeps every value typed, the country's too.
  return (
    <form key={state.attempt ?? 0} action={action} noValidate className="checkout-form">
      {notice ? (
        <p ref={focus.message} tabIndex={-1} role={state.repriced ? 'status' : 'alert'} data-testid={state.repriced ? 'repriced' : undefined}
          className={state.repriced ? 'notice repriced' : 'form-error'}>{notice}</p>
      ) : <ErrorSummary errors={state.errors} title={t('errorSummary')} summary={focus.summary} />}
      <input type="hidden" name="shownCurrency" value={state.repriced?.currency ?? props.currency} />
      <CheckoutFields {...props} state={state} />
      {props.couponLocked && props.couponError ? <p role="alert" className="form-error">{props.couponError}</p> : null}
      <button type="submit" className="primary" disabled={pending}>{state.repriced ? t('placeOrderRepriced') : t('placeOrder')}</button>
    </form>
  );
}

/** Every refused field, each a link to its input; it takes the focus after a refused submit. */
function ErrorSummary({ errors, title, summary }: { errors?: CheckoutState['errors']; title: string; summary: React.RefObject<HTMLDivElement | null> }) {
  const refused = Object.entries(errors ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1]))
    .sort(([a], [b]) => formRank(a) - formRank(b));
  if (refused.length === 0) return null;
  return (
    <div ref={summary} tabIndex={-1} className="error-summary" aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">{title}</h2>
      <ul>{refused.map(([field, message]) => <li key={field}><a href={`#${inputIdOf(field)}`}>{message}</a></li>)}</ul>
    </div>
  );
}

function CheckoutFields({ delivery, locked, recipient, couponCode, couponLocked, quantities, defaultCountry, state }: Props & { state: CheckoutState }) {
  const t = useTranslations('Checkout');
  const language = useLocale();
  const values = state.values;
  const lockedHere = <F extends string>(fields: readonly F[]) => fields.filter((f) => locked[f] !== undefined);
  const addressLocked = ADDRESS.every((f) => locked[f] !== undefined || f === 'addressLine2');
  return (
    <>
      {quantities.map((q) => (
        <div className="field" key={q.slug}>
          <label htmlFor={`quantity-${q.slug}`}>{t('quantity', { name: q.name })}</label>
          <input id={`quantity-${q.slug}`} name={`quantity:${q.slug}`} inputMode="numeric" defaultValue={values?.[`quantity:${q.slug}`] ?? q.quantity}
            aria-invalid={Boolean(state.errors?.[`quantity:${q.slug}`])} aria-describedby={`quantity-${q.slug}-error`} />
          <FieldError id={`quantity-${q.slug}-error`} message={state.errors?.[`quantity:${q.slug}`]} />
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
              {[locked.addressLine1, locked.addressLine2, `${locked.postalCode} ${locked.city}`, countryName(locked.country, language)].filter(Boolean).map((line) => <span key={line}>{line}<br /></span>)}
            </address>
          ) : <>
            <p className="hint">{t('countryDecidesCurrency')}</p>
            <AddressFields errors={state.errors} values={{ country: defaultCountry ?? '', ...values, ...locked }} />
          </>}
        </fieldset>
      ) : <p className="hint">{t('noDelivery')}</p>}
      {couponLocked ? <p data-testid="coupon">{t('couponApplied', { code: couponCode ?? '' })}</p> : (
        <div className="field">
          <label htmlFor="coupon">{t('coupon')}</label>
          <input id="coupon" name="coupon" defaultValue={values?.coupon ?? ''} autoComplete="off"
            aria-invalid={Boolean(state.errors?.coupon)} aria-describedby="coupon-error" />
          <FieldError id="coupon-error" message={state.errors?.coupon} />
        </div>
      )}
    </>
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
