// Pages, actions and route handlers say a refusal only through lib/http/errors.ts: no
// error's own message, no zod issue message and no sentence of their own reaches a person.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RAW_WORDS = [
  /\b(?:error|err|e|failure|cause)\.message\b/, // an error's own (server-log) message
  /\(\s*\w+ as Error\s*\)\.message\b/,
  /\.issues\b[^;\n]*\.message\b/, // a zod issue's message
  /\b(?:error|formError)\s*:\s*['"`]/, // a sentence returned as a form's error
  /\berrors\s*:\s*\{\s*[\w'"]+\s*:\s*['"`]/, // …or as a field's
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const rawWordsIn = (text: string) => text.split('\n').flatMap((line, index) => (RAW_WORDS.some((pattern) => pattern.test(line)) ? [`${index + 1}: ${line.trim()}`] : []));

describe('refusals reach people only through the one map', () => {
  it('no file under app/ shows an error message or a literal of its own', () => {
    const found = sourceFiles(path.resolve('app')).flatMap((file) => rawWordsIn(readFileSync(file, 'utf8')).map((hit) => `${path.relative('.', file)}:${hit}`));
    expect(found).toEqual([]);
  });

  it('would see each kind of raw words (the check can fail)', () => {
    const planted = [
      "if (error instanceof OrderError) return { error: error.message };",
      'setError((failure as Error).message);',
      'return { error: parsed.error.issues[0].message };',
      "return { error: 'Wrong password.' };",
      'return { formError: `No ${thing}.`, values };',
      "return { errors: { form: 'No such digital product.' }, values };",
    ];
    for (const line of planted) expect(rawWordsIn(line), line).toHaveLength(1);
    expect(rawWordsIn("return { error: oneLine(refusal), message: 'Saved.' };")).toEqual([]);
  });
});
