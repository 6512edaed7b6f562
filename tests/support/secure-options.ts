// The store's side of a secure-payload test: its public URL (the v2 audience) and key secrets.
export const STORE = { publicUrl: 'https://shop.example', appKeys: ['secure-payload-test-key-0123456789abcdef'] } as const;
export const opts = { publicUrl: STORE.publicUrl, appKeys: STORE.appKeys };
