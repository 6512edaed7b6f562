/** Set by proxy.ts on article and pass pages: the request URL as the client sent it. */
export const RAW_URL_HEADER = 'x-shop-content-raw-url';
