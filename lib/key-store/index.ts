export * from './purposes';
export { activeKey, rotateKey, resealKeys, usableKeys, listKeys, privateKeyOf, isUsable, type StoreKey } from './store';
export { KeyUnsealable } from './seal';
export { publishedJwks } from './jwks';
