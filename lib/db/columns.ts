// The table and column names hand-written SQL uses (lib/downloads/store, lib/orders/view.ts, lib/content/grants.ts),
// one list per model. tests/db/sql-columns.test.ts checks every name against prisma/models.prisma,
// so a renamed column fails there, and a misspelt one fails `tsc`.

export interface Table<Name extends string, Column extends string> {
  readonly name: Name;
  readonly columns: readonly Column[];
  /** The quoted table name, so a statement reads `FROM ${License} l`. */
  toString(): `"${Name}"`;
  /** One column, quoted and unqualified: `License.col('downloadCount')` is `"downloadCount"`. */
  col<C extends Column>(column: C): `"${C}"`;
  /** Several, quoted and comma-separated, for an INSERT's column list. */
  list(...columns: Column[]): string;
  /** The columns qualified by the alias a statement gives the table: `License.as('l').downloadCount` is `l."downloadCount"`. */
  as<Alias extends string>(alias: Alias): { readonly [C in Column]: `${Alias}."${C}"` };
}

export function table<Name extends string, const Column extends string>(name: Name, columns: readonly Column[]): Table<Name, Column> {
  const col = <C extends Column>(column: C) => `"${column}"` as const;
  return {
    name,
    columns,
    toString: () => `"${name}"`,
    col,
    list: (...picked) => picked.map(col).join(', '),
    as: <Alias extends string>(alias: Alias) =>
      Object.fromEntries(columns.map((column) => [column, `${alias}.${col(column)}`])) as { readonly [C in Column]: `${Alias}."${C}"` },
  };
}

// Only the columns hand-written SQL uses: this list is what that SQL depends on, so a schema
// change elsewhere in a model needs no edit here.
export const License = table('License', [
  'id', 'orderId', 'orderItemId', 'productId', 'status', 'downloadLimit', 'downloadCount', 'expiresAt', 'lastCountedAt', 'lastClientKey',
]);

export const Product = table('Product', ['id', 'slug', 'name', 'kind']);

export const FileSource = table('FileSource', [
  'productId', 'kind', 'fileName', 'contentType', 'storedName', 'externalUrl', 's3Bucket', 's3Key', 's3ExpirySeconds', 'versionId',
]);

export const ProductVersion = table('ProductVersion', ['id', 'version', 'sha256', 'sizeBytes', 'publishedAt']);

export const DownloadEvent = table('DownloadEvent', [
  'id', 'licenseId', 'productId', 'at', 'source', 'ip', 'userAgent', 'clientKey', 'bytes', 'rangeStart', 'redirectTo', 'counted',
]);

export const Order = table('Order', [
  'id', 'number', 'placedAt', 'status', 'currency', 'subtotalCents', 'discountCents', 'couponCode', 'shippingCents', 'totalCents',
  'testMode', 'email', 'fullName', 'company', 'phone', 'dispatchedAt', 'recipientName', 'recipientEmail', 'giftMessage',
  'addressLine1', 'addressLine2', 'city', 'postalCode', 'country', 'paymentProvider', 'payBy', 'paidAt', 'refundedCents',
]);

export const OrderItem = table('OrderItem', ['id', 'orderId', 'productId', 'productName', 'quantity', 'unitPriceCents', 'lineTotalCents', 'takenBackAt']);

export const Refund = table('Refund', ['orderId', 'amountCents', 'status', 'settledAt']);

export const AccessGrant = table('AccessGrant', ['linkRef', 'revokedAt']);

/** Every model hand-written SQL names, for the test that ties them to the schema. */
export const WebhookDelivery = table('WebhookDelivery', ['id', 'endpointId', 'status', 'nextAttemptAt', 'leaseUntil', 'leaseOwner', 'attempts']);

export const WebhookEndpoint = table('WebhookEndpoint', ['id', 'enabled']);

export const SQL_TABLES = [License, Product, FileSource, ProductVersion, DownloadEvent, Order, OrderItem, Refund, AccessGrant, WebhookDelivery, WebhookEndpoint] as const;
