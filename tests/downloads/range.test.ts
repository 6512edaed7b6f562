import { describe, expect, it } from 'vitest';
import { parseRange } from '@/lib/downloads/range';
import { RangeNotSatisfiable } from '@/lib/downloads/errors';

describe('Range header', () => {
  it('reads single byte ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('sends the whole file for no, several or foreign ranges', () => {
    for (const header of [null, '', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-', 'bytes=5-2', 'garbage']) {
      expect(parseRange(header, 1000), String(header)).toBeNull();
    }
  });

  it('refuses ranges outside the file', () => {
    expect(() => parseRange('bytes=1000-', 1000)).toThrow(RangeNotSatisfiable);
    expect(() => parseRange('bytes=-0', 1000)).toThrow(RangeNotSatisfiable);
    expect(() => parseRange('bytes=0-', 0)).toThrow(RangeNotSatisfiable);
  });
});
