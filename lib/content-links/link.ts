// The signed content link format (docs/specs/content-links.md): building, signing and
// taking apart `{origin}{path}?sp=…&se=…&si=…&sg=…&sk=…&ss=…`. Pure: no clock, no I/O.
import { sign, type KeyObject } from 'node:crypto';
import { LinkMalformed, LinkMissing } from './errors';

export const ARTICLES_PATH = '/articles/';
export const PASSES_PATH = '/passes/';
const SIGNATURE_MARK = '&ss=';
const MAX_LINK_LENGTH = 4096;
/** A grant reference: base64url, at most 64 characters (the shop writes 22). */
const GRANT_REF = /^[A-Za-z0-9_-]{1,64}$/;

export interface LinkFields {
  /** The publisher's content id, when the article has one. */
  sp?: string;
  /** Expiry, epoch milliseconds. */
  se: number;
  /** The product the link was issued for. */
  si: string;
  /** The shop's grant reference (AccessGrant.linkRef): the link stops opening anything once that grant is revoked. Absent in an external issuer's links. */
  sg?: string;
  /** The signing key's id; optional (links without one are tried against every RS256 key). */
  sk?: string;
}

export interface SigningKey { kid: string; privateKey: KeyObject }

export interface ParsedLink {
  /** The exact text the signature covers: PUBLIC_URL's origin, the raw path and the query before `&ss=`. */
  signedText: string;
  signature: Buffer;
  path: string;
  fields: LinkFields;
}

export const articlePath = (slug: string) => `${ARTICLES_PATH}${slug}`;
export const passPath = (slug: string) => `${PASSES_PATH}${slug}`;

export function unsignedLinkText(origin: string, path: string, fields: LinkFields): string {
  const pairs: [string, string | undefined][] = [['sp', fields.sp], ['se', String(fields.se)], ['si', fields.si], ['sg', fields.sg], ['sk', fields.sk]];
  const query = pairs.filter(([, v]) => v !== undefined && v !== '').map(([n, v]) => `${n}=${encodeURIComponent(v!)}`).join('&');
  return `${origin}${path}?${query}`;
}

export const signText = (text: string, privateKey: KeyObject) => sign('RSA-SHA256', Buffer.from(text, 'utf8'), privateKey).toString('base64url');

export function signContentLink(origin: string, path: string, fields: Omit<LinkFields, 'sk'>, key: SigningKey): string {
  const text = unsignedLinkText(origin, path, { ...fields, sk: key.kid });
  return `${text}${SIGNATURE_MARK}${signText(text, key.privateKey)}`;
}

/** Accepts base64url, standard base64, percent-encoded, and '+' turned into a space by a form decoder. */
export function decodeSignature(raw: string): Buffer {
  let text = raw;
  if (raw.includes('%')) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      throw new LinkMalformed('the signature is not valid percent-encoding');
    }
  }
  text = text.replaceAll(' ', '+');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new LinkMalformed('the signature is not base64');
  return Buffer.from(text, 'base64'); // Node's decoder reads both alphabets
}

/** The link's path and query, as they were sent (the origin is never trusted: it is replaced by PUBLIC_URL's). */
function pathAndQuery(raw: string): string {
  const hash = raw.indexOf('#');
  const withoutFragment = hash < 0 ? raw : raw.slice(0, hash);
  if (withoutFragment.startsWith('/') && !withoutFragment.startsWith('//')) return withoutFragment;
  const match = /^https?:\/\/[^/?#\s]+(\/[\s\S]*)$/i.exec(withoutFragment);
  if (!match) throw new LinkMalformed('the link is neither an absolute http(s) URL nor a path');
  return match[1];
}

function parseFields(query: string): LinkFields {
  const params = new URLSearchParams(query);
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) throw new LinkMalformed(`parameter ${name} appears twice`);
    seen.add(name);
  }
  const se = params.get('se') ?? '';
  const si = params.get('si') ?? '';
  if (!/^\d{1,15}$/.test(se)) throw new LinkMalformed('se is not an epoch-milliseconds integer');
  if (si === '') throw new LinkMalformed('si is missing');
  const sg = params.get('sg') ?? undefined;
  if (sg !== undefined && !GRANT_REF.test(sg)) throw new LinkMalformed('sg is not a grant reference (base64url, at most 64 characters)');
  return { se: Number(se), si, sp: params.get('sp') ?? undefined, sg, sk: params.get('sk') ?? undefined };
}

/** Splits a presented link at the first `&ss=` and rebuilds the signed text on `publicOrigin`. */
export function parseContentLink(raw: string, publicOrigin: string): ParsedLink {
  if (raw.trim() === '') throw new LinkMissing();
  if (raw.length > MAX_LINK_LENGTH) throw new LinkMalformed('the link is too long');
  const rest = pathAndQuery(raw);
  const at = rest.indexOf(SIGNATURE_MARK);
  if (at < 0) {
    if (/[?&]ss=/.test(rest)) throw new LinkMalformed('ss must follow the signed parameters');
    throw new LinkMissing();
  }
  const unsigned = rest.slice(0, at);
  // Parameters after the signature (Next's `_rsc`, trackers) are not signed and not read.
  const signature = decodeSignature(rest.slice(at + SIGNATURE_MARK.length).split('&', 1)[0]);
  const question = unsigned.indexOf('?');
  if (question < 0) throw new LinkMalformed('the link has no query');
  return {
    signedText: `${publicOrigin}${unsigned}`,
    signature,
    path: unsigned.slice(0, question),
    fields: parseFields(unsigned.slice(question + 1)),
  };
}
