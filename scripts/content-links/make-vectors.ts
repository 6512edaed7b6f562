// Writes docs/specs/content-links.vectors.json from a given RSA key (PKCS#1 v1.5 signatures
// are deterministic, so re-running with the same key gives the same file).
// Usage: tsx scripts/content-links/make-vectors.ts key.pem
// (the current test key is the file's own `private_key_pem`:
//  node -e "process.stdout.write(require('./docs/specs/content-links.vectors.json').private_key_pem)" > /tmp/vector-key.pem)
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { signText, unsignedLinkText } from '../../lib/content-links/link';

const privatePem = readFileSync(process.argv[2], 'utf8');
const privateKey = createPrivateKey(privatePem);
const publicJwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: 'vector-key-1', alg: 'RS256', use: 'sig' };
const origin = 'https://shop.example';
const now = 1_790_000_000_000;
const se = now + 60_000;
const article = { path: '/articles/how-pop-ups-work', contentId: 'cms-4711', productIds: ['article-how-pop-ups-work', 'studio-pass'] };

const signed = (path: string, fields: Parameters<typeof unsignedLinkText>[2]) => {
  const text = unsignedLinkText(origin, path, fields);
  return { text, signature: signText(text, privateKey) };
};
const base = signed(article.path, { sp: 'cms-4711', se, si: 'article-how-pop-ups-work', sk: 'vector-key-1' });
const noKid = signed(article.path, { sp: 'cms-4711', se, si: 'article-how-pop-ups-work' });
const expired = signed(article.path, { sp: 'cms-4711', se: now - 1, si: 'article-how-pop-ups-work', sk: 'vector-key-1' });
const prefix = signed('/articles/how-pop-ups', { sp: 'cms-4711', se, si: 'article-how-pop-ups-work', sk: 'vector-key-1' });
const otherSp = signed(article.path, { sp: 'cms-0000', se, si: 'article-how-pop-ups-work', sk: 'vector-key-1' });
const grantRef = 'q3Jd0bY1mXcT7vLp2WnE8g'; // as the shop writes it: 16 random bytes, base64url
const withGrant = signed(article.path, { sp: 'cms-4711', se, si: 'article-how-pop-ups-work', sg: grantRef, sk: 'vector-key-1' });
const otherSi = signed(article.path, { sp: 'cms-4711', se, si: 'pop-up-castle', sk: 'vector-key-1' });
const standard = Buffer.from(base.signature, 'base64url').toString('base64');
const at = (text: string, signature: string) => `${text}&ss=${signature}`;
const tampered = base.signature.startsWith('A') ? `B${base.signature.slice(1)}` : `A${base.signature.slice(1)}`;

const vectors = [
  { name: 'valid, base64url signature', link: at(base.text, base.signature), expected: 'valid' },
  { name: 'valid, presented on another origin (rebuilt on PUBLIC_URL)', link: at(base.text.replace(origin, 'http://cms.example:8080'), base.signature), expected: 'valid' },
  { name: 'valid, presented as a path only', link: at(base.text.slice(origin.length), base.signature), expected: 'valid' },
  { name: 'valid, standard base64 signature', link: at(base.text, standard), expected: 'valid' },
  { name: 'valid, percent-encoded standard base64', link: at(base.text, encodeURIComponent(standard)), expected: 'valid' },
  { name: 'valid, + turned into space', link: at(base.text, standard.replaceAll('+', ' ')), expected: 'valid' },
  { name: 'valid, unsigned parameters after ss are ignored', link: `${at(base.text, base.signature)}&_rsc=1x2y3`, expected: 'valid' },
  { name: 'valid, no kid: every key is tried', link: at(noKid.text, noKid.signature), expected: 'valid' },
  { name: 'valid at exactly se', link: at(base.text, base.signature), now: se, expected: 'valid' },
  { name: 'expired 1 ms past se', link: at(base.text, base.signature), now: se + 1, expected: 'expired' },
  { name: 'expired long ago', link: at(expired.text, expired.signature), expected: 'expired' },
  { name: 'tampered signature', link: at(base.text, tampered), expected: 'invalid' },
  { name: 'tampered expiry', link: at(base.text.replace(`se=${se}`, `se=${se + 1}`), base.signature), expected: 'invalid' },
  { name: 'unknown kid', link: at(base.text.replace('sk=vector-key-1', 'sk=vector-key-9'), base.signature), expected: 'invalid' },
  { name: 'path is a prefix of the article path', link: at(prefix.text, prefix.signature), expected: 'wrong-content' },
  { name: 'sp is another content id', link: at(otherSp.text, otherSp.signature), expected: 'wrong-content' },
  { name: 'si is a product that does not grant the article', link: at(otherSi.text, otherSi.signature), expected: 'wrong-content' },
  { name: 'valid, with a grant reference (the verifier then looks the grant up)', link: at(withGrant.text, withGrant.signature), grant: grantRef, expected: 'valid' },
  { name: 'tampered grant reference', link: at(withGrant.text.replace(`sg=${grantRef}`, 'sg=r3Jd0bY1mXcT7vLp2WnE8g'), withGrant.signature), expected: 'invalid' },
  { name: 'grant reference removed', link: at(withGrant.text.replace(`&sg=${grantRef}`, ''), withGrant.signature), expected: 'invalid' },
  { name: 'no signature', link: base.text, expected: 'missing' },
  { name: 'signature first', link: `${origin}${article.path}?ss=${base.signature}&se=${se}&si=x`, expected: 'malformed' },
  { name: 'signature not base64', link: at(base.text, 'not*base64'), expected: 'malformed' },
  { name: 'bad percent-encoding', link: at(base.text, '%E0%A4%A'), expected: 'malformed' },
  { name: 'se not an integer', link: at(base.text.replace(`se=${se}`, 'se=soon'), base.signature), expected: 'malformed' },
  { name: 'se twice', link: at(`${base.text}&se=${se}`, base.signature), expected: 'malformed' },
  { name: 'sg not base64url', link: at(withGrant.text.replace(`sg=${grantRef}`, 'sg=q3Jd0bY1%2FmXcT7vLp2WnE8g'), withGrant.signature), expected: 'malformed' },
  { name: 'sg longer than 64 characters', link: at(withGrant.text.replace(`sg=${grantRef}`, `sg=${'A'.repeat(65)}`), withGrant.signature), expected: 'malformed' },
  { name: 'sg empty', link: at(withGrant.text.replace(`sg=${grantRef}`, 'sg='), withGrant.signature), expected: 'malformed' },
];

writeFileSync('docs/specs/content-links.vectors.json', `${JSON.stringify({
  public_origin: origin, now, public_jwk: publicJwk, private_key_pem: privatePem, article, vectors,
}, null, 2)}\n`);
console.log(`${vectors.length} vectors; signed text of the first: ${base.text}`);
