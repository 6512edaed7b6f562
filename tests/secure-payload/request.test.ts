// The route adapter reads the three fields from the bodies merchants' pages really send, bounds
// their size, and turns refusals into JSON 4xx answers.
import { describe, expect, it } from 'vitest';
import { handleSecureRequest, readSecureFields, refuse, type SecureFields } from '@/lib/secure-payload';

const post = (body: BodyInit, type?: string, headers: Record<string, string> = {}) =>
  new Request('http://shop.test/checkout/secure', { method: 'POST', body, headers: { ...(type ? { 'content-type': type } : {}), ...headers } });
const fields = { accessKey: 'AK', securePayload: 'ab+cd/ef==', secureKey: 'xy+z' };

describe('reading secure request fields', () => {
  it('reads a urlencoded form, where an unescaped + arrives as a space (which v1 base64 tolerates)', async () => {
    const raw = 'accessKey=AK&securePayload=ab+cd%2Fef%3D%3D&secureKey=xy+z';
    expect(await readSecureFields(post(raw, 'application/x-www-form-urlencoded; charset=UTF-8'))).toEqual({ ...fields, securePayload: 'ab cd/ef==', secureKey: 'xy z' });
    expect(await readSecureFields(post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded'))).toEqual(fields);
  });

  it('reads JSON and multipart bodies, and a missing secureKey as empty', async () => {
    expect(await readSecureFields(post(JSON.stringify(fields), 'application/json'))).toEqual(fields);
    const form = new FormData();
    form.set('accessKey', 'AK');
    form.set('securePayload', '{"coupon":"X"}');
    expect(await readSecureFields(post(form))).toEqual({ accessKey: 'AK', securePayload: '{"coupon":"X"}', secureKey: '' });
  });

  it('refuses other content types, bodies that do not parse, and bodies that are too large', async () => {
    const answer = async (request: Request) => {
      const outcome = await handleSecureRequest(request, async (f: SecureFields) => f, 'test');
      expect(outcome.ok).toBe(false);
      const response = (outcome as { response: Response }).response;
      return { status: response.status, ...(await response.json()) };
    };
    expect(await answer(post('hello', 'text/plain'))).toMatchObject({ status: 400, error: 'PAYLOAD_MALFORMED' });
    expect(await answer(post('{"accessKey":', 'application/json'))).toMatchObject({ status: 400, error: 'PAYLOAD_MALFORMED' });
    expect(await answer(post('["AK"]', 'application/json'))).toMatchObject({ status: 400, error: 'PAYLOAD_MALFORMED' });
    expect(await answer(post('--x\r\nbroken', 'multipart/form-data; boundary=x'))).toMatchObject({ status: 400, error: 'PAYLOAD_MALFORMED' });
    expect(await answer(post(`securePayload=${'A'.repeat(400_000)}`, 'application/x-www-form-urlencoded'))).toMatchObject({ status: 413, error: 'PAYLOAD_TOO_LARGE' });
    expect(await answer(post('x=1', 'application/x-www-form-urlencoded', { 'content-length': '99999999' }))).toMatchObject({ status: 413 });
  });

  it('answers a typed refusal from the opener with its status, and an unexpected failure with a bare 500', async () => {
    const refused = await handleSecureRequest(post(JSON.stringify(fields), 'application/json'), async () => { throw refuse('REPLAYED', 'detail for the log'); }, 'test');
    const response = (refused as { response: Response }).response;
    expect(response.status).toBe(409);
    expect(JSON.stringify(await response.json())).not.toContain('detail for the log');
    const crashed = await handleSecureRequest(post(JSON.stringify(fields), 'application/json'), async () => { throw new Error('boom'); }, 'test');
    expect((crashed as { response: Response }).response.status).toBe(500);
  });
});
