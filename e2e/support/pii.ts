// Every way a piece of personal data could appear in a response: as typed, and
// HTML-, JSON- and URL-escaped (React, the RSC payload and JSON APIs each escape differently).
const htmlEscapes = (value: string) => {
  const base = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [base.replace(/'/g, '&#x27;'), base.replace(/'/g, '&#39;'), base.replace(/'/g, '&apos;')];
};
const jsonEscapes = (value: string) => {
  const json = JSON.stringify(value).slice(1, -1);
  const unicode = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const htmlSafe = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return [json, unicode(json), htmlSafe, unicode(htmlSafe)];
};

export function escapedForms(value: string): string[] {
  return [...new Set([value, ...htmlEscapes(value), ...jsonEscapes(value), encodeURIComponent(value)])];
}

/** The first personal value (in any escaped form) found in `body`, or null. */
export function findPersonalData(body: string, values: readonly string[]): string | null {
  for (const value of values) for (const form of escapedForms(value)) if (body.includes(form)) return form;
  return null;
}
