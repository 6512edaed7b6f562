// Format v1, FastSpring's "secure requests": securePayload = base64(AES-128-ECB/PKCS#7(json)),
// secureKey = base64(RSA PKCS#1 v1.5 private-key "encryption" of the 16-byte AES key).
//
// Recovering the AES key uses crypto.publicDecrypt: an operation with the merchant's PUBLIC key
// on a block-type-1 (signature-style) padding. It holds no secret, so a padding error can tell an
// attacker nothing they could not compute themselves: the Bleichenbacher/Marvin oracles that made
// Node refuse PKCS#1 v1.5 in privateDecrypt attack private-key decryption, which never happens here.
// What it proves is signature-like: only the holder of the private key could produce the block.
import { createCipheriv, createDecipheriv, privateEncrypt, publicDecrypt, randomBytes, type KeyLike, type KeyObject } from 'node:crypto';
import { decodeTolerantBase64 } from './base64';
import { refuse } from './errors';

const AES_KEY_BYTES = 16;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The AES key from the first merchant key that opens secureKey. */
function recoverAesKey(secureKey: string, merchantKeys: readonly KeyObject[]): Buffer {
  const block = decodeTolerantBase64(secureKey);
  if (!block || block.length === 0) throw refuse('PAYLOAD_MALFORMED', 'secureKey is not base64');
  const rsaKeys = merchantKeys.filter((key) => key.asymmetricKeyType === 'rsa');
  if (rsaKeys.length === 0) throw refuse('KEY_MISMATCH', 'the integration has no RSA certificate for v1 payloads');
  const fitting = rsaKeys.filter((key) => Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8) === block.length);
  if (fitting.length === 0) throw refuse('PAYLOAD_MALFORMED', `secureKey is ${block.length} bytes, no certificate's modulus is`);
  let wrongLength = 0;
  for (const key of fitting) {
    let aesKey: Buffer;
    try {
      aesKey = publicDecrypt(key, block);
    } catch {
      continue;
    }
    if (aesKey.length === AES_KEY_BYTES) return aesKey;
    wrongLength = aesKey.length;
  }
  if (wrongLength) throw refuse('PAYLOAD_MALFORMED', `secureKey holds ${wrongLength} bytes, not a 16-byte AES key`);
  throw refuse('KEY_MISMATCH', 'secureKey does not open with any current RSA certificate of the integration');
}

/** The payload's UTF-8 text; every failure is a typed refusal. */
export function openV1(securePayload: string, secureKey: string, merchantKeys: readonly KeyObject[]): string {
  const aesKey = recoverAesKey(secureKey, merchantKeys);
  const ciphertext = decodeTolerantBase64(securePayload);
  if (!ciphertext) throw refuse('PAYLOAD_MALFORMED', 'securePayload is not base64');
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw refuse('PAYLOAD_MALFORMED', `securePayload is ${ciphertext.length} bytes, not whole AES blocks`);
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-128-ecb', aesKey, null);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw refuse('PAYLOAD_MALFORMED', 'securePayload has bad PKCS#7 padding');
  }
  try {
    return utf8.decode(plaintext);
  } catch {
    throw refuse('PAYLOAD_MALFORMED', 'securePayload is not UTF-8');
  }
}

/** What a merchant's backend does (the seed's Node snippet), for tooling and tests. */
export function encodeV1(json: string, merchantPrivateKey: KeyLike, aesKey: Buffer = randomBytes(AES_KEY_BYTES)) {
  const cipher = createCipheriv('aes-128-ecb', aesKey, null);
  const securePayload = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]).toString('base64');
  const secureKey = privateEncrypt(merchantPrivateKey, aesKey).toString('base64');
  return { securePayload, secureKey };
}
