import { describe, expect, it } from 'vitest';
import { downloadSlugOf } from '@/lib/server/download-handler';

// The shop's server answers these URLs itself, before Next: a wrong match would take a
// page away from Next (or hand the hot path back to it).
describe('downloadSlugOf', () => {
  it('matches the download endpoint, with or without a query, and decodes the slug', () => {
    expect(downloadSlugOf('/api/downloads/svg-cut-files?token=abc')).toBe('svg-cut-files');
    expect(downloadSlugOf('/api/downloads/svg-cut-files')).toBe('svg-cut-files');
    expect(downloadSlugOf('/api/downloads/caf%C3%A9?token=x')).toBe('café');
  });

  it('leaves the token route, deeper paths, other routes and undecodable slugs to Next', () => {
    for (const url of ['/api/downloads/token', '/api/downloads/token?x=1', '/api/downloads/a/b', '/api/downloads/',
      '/api/downloads', '/api/downloadsx/a', '/orders/1?x=/api/downloads/a', '/api/downloads/%E0%A4%A']) {
      expect(downloadSlugOf(url), url).toBeNull();
    }
  });
});
