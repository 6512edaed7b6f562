// Standard base64 as merchants' tools really send it: padding optional, line breaks
// (openssl -base64 wraps at 64 columns) ignored, and '+' that form encoding turned into a space.
const BASE64 = /^[A-Za-z0-9+/]*$/;

/** The bytes, or null when the text is not base64 in this tolerant sense. */
export function decodeTolerantBase64(text: string): Buffer | null {
  const compact = text.replace(/[\r\n]/g, '').replace(/ /g, '+');
  const body = compact.replace(/={1,2}$/, '');
  const padding = compact.length - body.length;
  if (!BASE64.test(body) || body.length % 4 === 1) return null;
  if (padding > 0 && compact.length % 4 !== 0) return null;
  return Buffer.from(body, 'base64');
}
