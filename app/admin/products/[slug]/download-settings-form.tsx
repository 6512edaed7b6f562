'use client';

import { useActionState } from 'react';
import { TextField } from '@/app/_components/address-fields';
import { FieldError } from '@/app/_components/field-error';
import { saveDownloadSettingsAction } from '../actions';
import { SOURCE_KINDS, type DownloadSettingsWords } from './form-words';

export function DownloadSettingsForm({ slug, initial, words }: { slug: string; initial: Record<string, string>; words: DownloadSettingsWords }) {
  const [state, action, pending] = useActionState(saveDownloadSettingsAction, {});
  const values = state.values ?? initial;
  return (
    <form action={action} noValidate className="admin-form">
      <input type="hidden" name="slug" value={slug} />
      <fieldset aria-describedby="kind-error">
        <legend>{words.fileSource}</legend>
        {SOURCE_KINDS.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} /> {words.sourceKind[kind]}
          </label>
        ))}
        <FieldError id="kind-error" message={state.errors?.kind} />
      </fieldset>
      <TextField name="fileName" label={words.downloadFileName} errors={state.errors} defaultValue={values.fileName} />
      <TextField name="externalUrl" label={words.externalUrl} errors={state.errors} defaultValue={values.externalUrl} />
      <TextField name="s3Bucket" label={words.s3Bucket} errors={state.errors} defaultValue={values.s3Bucket} />
      <TextField name="s3Key" label={words.s3Key} errors={state.errors} defaultValue={values.s3Key} />
      <TextField name="s3ExpirySeconds" label={words.s3Expiry} errors={state.errors} defaultValue={values.s3ExpirySeconds} />
      <TextField name="downloadLimit" label={words.defaultDownloadLimit} errors={state.errors} defaultValue={values.downloadLimit} />
      <TextField name="licenseDays" label={words.defaultLicenseDays} errors={state.errors} defaultValue={values.licenseDays} />
      <FieldError id="form-error" message={state.errors?.form} />
      {state.saved ? <p role="status" className="ok">{words.settingsSaved}</p> : null}
      <button type="submit" disabled={pending}>{words.settingsSave}</button>
    </form>
  );
}
