// Form input: read named fields, validate with a zod schema, and refuse with one
// InputInvalid that names a reason per field. Schemas give their messages as keys of
// the `FieldErrors` catalogue (`reason('required')`), never as sentences; the words,
// in the shopper's language, come from lib/http/errors.ts.
import type { z } from 'zod';
import type en from '../messages/en.json';
import { InputInvalid, type FieldReason, type MessageParams } from './errors';

export type FieldErrors = Partial<Record<string, string>>;

export type FieldReasonKey = keyof typeof en.FieldErrors;

/** A zod message that is a catalogue key; the issue's bounds become its `min`/`max`. */
export const reason = (key: FieldReasonKey) => key;

/** A reason for a field the action itself refuses (not its schema). */
export const fieldReason = (key: FieldReasonKey, params?: MessageParams): FieldReason => ({ reason: key, params });

export function formValues(form: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(form.get(field) ?? '')]));
}

const bound = (value: number | bigint) => String(value);

/** A union's own message is zod's; the reason is in the branch that got past the type check. */
const decisive = (issue: z.core.$ZodIssue): z.core.$ZodIssue =>
  (issue.code === 'invalid_union' ? issue.errors.flat().find((branch) => branch.code !== 'invalid_type') ?? issue : issue);

function reasonOf(found: z.core.$ZodIssue): FieldReason {
  const issue = decisive(found);
  const params: Record<string, string | number> = { ...(issue.code === 'custom' ? issue.params : undefined) };
  if (issue.code === 'too_big') params.max = bound(issue.maximum);
  if (issue.code === 'too_small') params.min = bound(issue.minimum);
  return { reason: issue.message, params };
}

/** The first problem per field (a form shows one message next to each field). */
export function reasonsOf(issues: readonly z.core.$ZodIssue[]): Record<string, FieldReason> {
  const fields: Record<string, FieldReason> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? '')] ??= reasonOf(issue);
  return fields;
}

/** The parsed value, or an InputInvalid naming each field's reason. */
export function parseInput<T>(schema: z.ZodType<T>, values: unknown): T {
  const result = schema.safeParse(values);
  if (!result.success) throw new InputInvalid(reasonsOf(result.error.issues));
  return result.data;
}
