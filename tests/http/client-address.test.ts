import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from '@/lib/http/client-address';

describe('the client address behind proxies: the right-most hop that is not ours', () => {
  it('without TRUST_PROXY the peer is the client, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('1.2.3.4', '198.51.100.7', parseTrustProxy('false'))).toBe('198.51.100.7');
    expect(clientAddress(null, '::ffff:198.51.100.7', parseTrustProxy('false'))).toBe('198.51.100.7');
  });

  it('with one proxy, a client-written left-most value is ignored', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; our proxy (10.0.0.1) appended the address it saw.
    expect(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.1', parseTrustProxy('true'))).toBe('203.0.113.9');
    expect(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.1', parseTrustProxy('1'))).toBe('203.0.113.9');
  });

  it('with two proxies, the hop before them', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', '10.0.0.1', parseTrustProxy('2'))).toBe('203.0.113.9');
  });

  it('with proxy addresses, the right-most address not in the list', () => {
    const trust = parseTrustProxy('10.0.0.1,10.0.0.2');
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', '10.0.0.1', trust)).toBe('203.0.113.9');
    // A request straight to the app, not through a proxy: the peer itself.
    expect(clientAddress('10.0.0.2', '198.51.100.1', trust)).toBe('198.51.100.1');
  });

  it('fewer hops than proxies: the left-most, never out of range', () => {
    expect(clientAddress(null, '10.0.0.1', parseTrustProxy('3'))).toBe('10.0.0.1');
    expect(clientAddress('', null, parseTrustProxy('1'))).toBe('unknown');
  });
});
