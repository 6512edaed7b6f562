'use client';

import { useActionState } from 'react';
import { TextField } from '@/app/_components/address-fields';
import { FieldError } from '@/app/_components/field-error';
import { saveDownloadSettingsAction } from '../actions';

const KINDS = [
  ['none', 'No file yet'],
  ['local', 'Uploaded file (streamed by the shop)'],
  ['external', 'External URL (redirect)'],
  ['s3', 'S3 object (presigned redirect)'],
] as const;

export function DownloadSettingsForm({ slug, initial }: { slug: string; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(saveDownloadSettingsAction, {});
  const values = state.values ?? initial;
  return (
    <form action={action} noValidate>
      <input type="hidden" name="slug" value={slug} />
      <fieldset aria-describedby="kind-error">
        <legend>File source</legend>
        {KINDS.map(([kind, label]) => (
          <label key={kind} className="choice">
            <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} /> {label}
          </label>
        ))}
        <FieldError id="kind-error" message={state.errors?.kind} />
      </fieldset>
      <TextField name="fileName" label="Download file name" errors={state.errors} defaultValue={values.fileName} />
      <TextField name="externalUrl" label="External URL" errors={state.errors} defaultValue={values.externalUrl} />
      <TextField name="s3Bucket" label="S3 bucket" errors={state.errors} defaultValue={values.s3Bucket} />
      <TextField name="s3Key" label="S3 object key" errors={state.errors} defaultValue={values.s3Key} />
      <TextField name="s3ExpirySeconds" label="S3 link lifetime (seconds, 60–3600)" errors={state.errors} defaultValue={values.s3ExpirySeconds} />
      <TextField name="downloadLimit" label="Download limit per license (empty: unlimited)" errors={state.errors} defaultValue={values.downloadLimit} />
      <TextField name="licenseDays" label="License length in days (empty: forever)" errors={state.errors} defaultValue={values.licenseDays} />
      <FieldError id="form-error" message={state.errors?.form} />
      {state.saved ? <p role="status" className="ok">Settings saved.</p> : null}
      <button type="submit" disabled={pending}>Save settings</button>
    </form>
  );
}
