'use client';

import { useActionState } from 'react';
import { TextField } from '@/app/_components/address-fields-view';
import { FieldError } from '@/app/_components/field-error';
import { saveLicenseKeySettingsAction } from '../license-key-actions';

export type LicenseKeyWords = Record<'licenseKeysIssue' | 'activationLimit' | 'licenseKeysSave' | 'licenseKeysSaved', string>;

export function LicenseKeysForm({ slug, initial, words }: { slug: string; initial: Record<string, string>; words: LicenseKeyWords }) {
  const [state, action, pending] = useActionState(saveLicenseKeySettingsAction, {});
  const values = state.values ?? initial;
  return (
    <form action={action} noValidate className="admin-form">
      <input type="hidden" name="slug" value={slug} />
      <label className="choice"><input type="checkbox" name="licenseKeys" defaultChecked={values.licenseKeys === 'on'} /> {words.licenseKeysIssue}</label>
      <TextField name="activationLimit" label={words.activationLimit} errors={state.errors} defaultValue={values.activationLimit} />
      <FieldError id="license-keys-error" message={state.errors?.form} />
      {state.saved ? <p role="status" className="ok">{words.licenseKeysSaved}</p> : null}
      <button type="submit" disabled={pending}>{words.licenseKeysSave}</button>
    </form>
  );
}
