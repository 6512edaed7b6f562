export * from './errors';
export * from './key-ring';
export { safeEqual, ringVerifies, signWithRing, hmacBase64url } from './hmac';
export { canonicalString, rfc3986Encode, isMarketingParam, type QueryPairs } from './canonical';
export * from './signed-url';
