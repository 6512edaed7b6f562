// Form input: read named fields, validate with a zod schema, and report the
// first problem per field, for messages shown next to each field.
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

export function formValues(form: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(form.get(field) ?? '')]));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function parseWith<T>(schema: z.ZodType<T>, values: Record<string, string>): Parsed<T> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors };
}
