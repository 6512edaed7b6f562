export * from './purposes';
export { activeKey, rotateKey, usableKeys, listKeys, privateKeyOf, isUsable, type StoreKey } from './store';
export { KeyUnsealable } from './seal';
export { publishedJwks } from './jwks';
