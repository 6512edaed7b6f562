'use client';

import { useActionState } from 'react';
import type { AdminFormState } from './actions';
import { ActionStatus } from './action-status';

export interface TranslatedField { name: string; label: string; value: string; fallback: string; multiline?: boolean }

interface TranslationFormProps {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  /** What the form translates (`slug` or `id`), sent back as hidden fields. */
  target: Record<string, string>;
  locale: string;
  /** The form's name (a page holds several items' forms, so it names the item) and its button. */
  words: { formLabel: string; save: string };
  fields: readonly TranslatedField[];
}

/** One language's texts of a product or an article; an empty text shows the default language's (its placeholder). */
export function TranslationForm({ action: save, target, locale, words, fields }: TranslationFormProps) {
  const [state, action, pending] = useActionState(save, {});
  const id = (field: string) => `${locale}-${Object.values(target).join('-')}-${field}`;
  return (
    <form action={action} className="admin-form" aria-label={words.formLabel}>
      {Object.entries(target).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <input type="hidden" name="locale" value={locale} />
      {fields.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={id(field.name)}>{field.label}</label>
          {field.multiline
            ? <textarea id={id(field.name)} name={field.name} defaultValue={field.value} placeholder={field.fallback} rows={3} lang={locale} />
            : <input id={id(field.name)} name={field.name} defaultValue={field.value} placeholder={field.fallback} lang={locale} />}
        </div>
      ))}
      <button type="submit" disabled={pending}>{words.save}</button>
      <ActionStatus state={state} />
    </form>
  );
}
