// The driver adapter the schema engine runs on. For PostgreSQL it reads the
// catalogue, whose `"char"` columns (OID 18, e.g. pg_class.relkind) the pg
// adapter refuses to decode ("Column type 'char' could not be deserialized").
// Their values are one-character strings, so they are relabelled as text.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { adapterFor } from './adapters';
import { providerOf } from './schema-files';

const PG_CHAR = 18;
const PG_TEXT = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function relabelCharColumns<T extends QueryResultLike>(result: T): T {
  for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  return result;
}

// pg.Pool#query calls Client#query with a callback; transactions call it with a
// promise. Both forms are relabelled.
class CatalogueFriendlyClient extends pg.Client {
  // @ts-expect-error -- pg's overloads are forwarded untouched.
  override query(...args: unknown[]) {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error, res: QueryResultLike) => last(err, err ? res : relabelCharColumns(res));
    }
    // @ts-expect-error -- see above.
    const result = super.query(...args) as unknown;
    return result instanceof Promise ? result.then(relabelCharColumns) : result;
  }
}

export function schemaEngineAdapterFor(databaseUrl: string) {
  if (providerOf(databaseUrl) !== 'postgresql') return adapterFor(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, Client: CatalogueFriendlyClient as unknown as typeof pg.Client });
  pool.on('error', () => {}); // an idle connection cut by the server is simply dropped
  return new PrismaPg(pool, { disposeExternalPool: true });
}
