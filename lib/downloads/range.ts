// A single byte range from a Range header (RFC 9110 §14). Several ranges, or a
// header in another unit, are ignored and the whole file is sent, as the RFC allows.
import { RangeNotSatisfiable } from './errors';

export interface ByteRange { start: number; end: number } // inclusive

/** null: send the whole file. Throws RangeNotSatisfiable when the range lies outside it. */
export function parseRange(header: string | null, size: number): ByteRange | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [first, last] = [match[1], match[2]];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw new RangeNotSatisfiable(size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) throw new RangeNotSatisfiable(size);
  if (end < start) return null;
  return { start, end };
}
