'use client';

import { useActionState } from 'react';
import { CURRENCIES } from '@/lib/catalog/currencies';
import { FieldError } from '@/app/_components/field-error';
import type { FieldErrors } from '@/lib/forms';
import { saveProductAction } from '../actions';
import type { ProductFormWords } from './form-words';

interface FieldProps { name: string; label: string; errors?: FieldErrors; value?: string; multiline?: boolean; inputMode?: 'decimal' }

/** A labelled field with its refusal beside it; ids are prefixed, since a product page holds several forms. */
function Field({ name, label, errors, value, multiline, inputMode }: FieldProps) {
  const id = `product-${name}`;
  const message = errors?.[name];
  const common = { id, name, defaultValue: value, 'aria-invalid': Boolean(message), 'aria-describedby': `${id}-error` };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={4} /> : <input {...common} inputMode={inputMode} />}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}

/** A product's texts in the default language, its price per currency and whether the shop sells it. */
export function ProductForm({ slug, initial, words }: { slug: string; initial: Record<string, string>; words: ProductFormWords }) {
  const [state, action, pending] = useActionState(saveProductAction, {});
  const values = state.values ?? initial;
  const errors = state.errors;
  return (
    <form action={action} noValidate className="admin-form" aria-label={words.productFormLabel}>
      <input type="hidden" name="slug" value={slug} />
      <Field name="name" label={words.productName} errors={errors} value={values.name} />
      <Field name="summary" label={words.productSummary} errors={errors} value={values.summary} multiline />
      <Field name="description" label={words.productDescription} errors={errors} value={values.description} multiline />
      <fieldset className="prices">
        <legend>{words.pricesLegend}</legend>
        {CURRENCIES.map((currency) => (
          <Field key={currency} name={currency} label={words.priceIn[currency]} errors={errors} value={values[currency]} inputMode="decimal" />
        ))}
      </fieldset>
      <label className="choice"><input type="checkbox" name="active" defaultChecked={values.active === 'on'} /> {words.productActiveLabel}</label>
      <FieldError id="product-form-error" message={errors?.form} />
      {state.saved ? <p role="status" className="ok">{words.productSaved}</p> : null}
      <button type="submit" disabled={pending}>{words.productSave}</button>
    </form>
  );
}
