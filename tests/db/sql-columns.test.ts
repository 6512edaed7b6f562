// Hand-written SQL against prisma/models.prisma: every name in lib/db/columns.ts must be a
// scalar column of its model, and every statement the download stores and the order view run
// may name only columns taken from there, so a renamed column fails here, not in production.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SQL_TABLES } from '@/lib/db/columns';
import { POSTGRES_SQL } from '@/lib/downloads/store/postgres';
import { SQLITE_SQL } from '@/lib/downloads/store/sqlite';
import { QUERIES as ORDER_VIEW_SQL } from '@/lib/orders/view';

/** Table name → its scalar and enum columns, as the database names them. */
type Schema = Map<string, Set<string>>;
type Registry = readonly { name: string; columns: readonly string[] }[];

const SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);

function parseSchema(text: string): Schema {
  const lines = text.split('\n').map((line) => line.trim());
  const enums = new Set(lines.flatMap((line) => /^enum\s+(\w+)\s*\{/.exec(line)?.[1] ?? []));
  const schema: Schema = new Map();
  let model: { table: string; columns: Set<string> } | null = null;
  for (const line of lines) {
    const start = /^model\s+(\w+)\s*\{/.exec(line);
    if (start) model = { table: start[1], columns: new Set() };
    else if (model && line.startsWith('}')) { schema.set(model.table, model.columns); model = null; }
    else if (model) {
      model.table = /^@@map\("([^"]+)"\)/.exec(line)?.[1] ?? model.table;
      // `name Type`, `name Type?` or `name Type[]`: relation fields have a model as their type, `@@` lines no name.
      const field = /^(\w+)\s+(\w+)/.exec(line);
      if (field && (SCALARS.has(field[2]) || enums.has(field[2]))) model.columns.add(/@map\("([^"]+)"\)/.exec(line)?.[1] ?? field[1]);
    }
  }
  return schema;
}

function registryProblems(schema: Schema, registry: Registry): string[] {
  return registry.flatMap(({ name, columns }) => !schema.has(name) ? [`${name}: no such model in prisma/models.prisma`]
    : columns.filter((column) => !schema.get(name)!.has(column))
      .map((column) => `${name}.${column}: not a scalar column of model ${name} in prisma/models.prisma`));
}

// A table a statement names, with its alias if any: `FROM "Order" o`, `UPDATE "License" AS l SET`,
// `INTO "DownloadEvent" (`, `FROM claim c, "Product" p`.
const TABLE_REFERENCE = /\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:\w+ \w+, )?"(\w+)"(?:\s+(?:AS\s+)?(?!(?:SET|WHERE|ON|LEFT|JOIN|VALUES)\b)(\w+))?/g;
// Any quoted name, with its qualifier if any: `l."id"`, `"License"."id"`, `"downloadCount"`.
const QUOTED_NAME = /(?:(\w+|"\w+")\.)?"(\w+)"/g;

function statementProblems(schema: Schema, registry: Registry, sql: string): string[] {
  const registered = new Map(registry.map(({ name, columns }) => [name, new Set(columns)]));
  const tableOf = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(TABLE_REFERENCE)) tableOf.set(`"${table}"`, table).set(alias ?? `"${table}"`, table);
  const tables = [...new Set(tableOf.values())];
  // Names the statement gives itself: `AS "productSlug"`, and a row set's columns `AS c("licenseId", …)`.
  const defined = new Set([...sql.matchAll(/\bAS (?:\w+\()?("\w+"(?:, "\w+")*)/g)].flatMap(([, names]) => names.replaceAll('"', '').split(', ')));

  const problems = tables.length === 0 ? ['names no table'] : [];
  for (const table of tables.filter((table) => !schema.has(table))) problems.push(`"${table}": no such model in prisma/models.prisma`);
  const checkColumn = (table: string, column: string) => {
    if (!schema.get(table)?.has(column)) problems.push(`${table}.${column}: not a scalar column of model ${table} in prisma/models.prisma`);
    else if (!registered.get(table)?.has(column)) problems.push(`${table}.${column}: not taken from lib/db/columns.ts`);
  };
  for (const [, qualifier, name] of sql.matchAll(QUOTED_NAME)) {
    const table = qualifier && tableOf.get(qualifier);
    if (table) { checkColumn(table, name); continue; }
    if (!qualifier && tables.includes(name)) continue;
    // Unqualified, or from a row set of the statement's own (`claim c`, `granted g`): a column of a table it names, or a name it defines.
    const owner = tables.find((candidate) => registered.get(candidate)?.has(name)) ?? tables.find((candidate) => schema.get(candidate)?.has(name));
    if (owner) checkColumn(owner, name);
    else if (!defined.has(name)) problems.push(`"${name}": a column of none of ${tables.join(', ')} in prisma/models.prisma`);
  }
  return [...new Set(problems)];
}

const SCHEMA_TEXT = readFileSync('prisma/models.prisma', 'utf8');
const schema = parseSchema(SCHEMA_TEXT);

const STATEMENTS = Object.entries({ sqlite: SQLITE_SQL, postgres: POSTGRES_SQL, 'order-view': ORDER_VIEW_SQL })
  .flatMap(([source, statements]) => Object.entries(statements).map(([name, sql]) => [`${source} ${name}`, sql] as const));

describe('hand-written SQL against prisma/models.prisma', () => {
  it('reads models, with their scalar and enum columns but not relations', () => {
    expect(schema.get('License')).toContain('downloadCount');
    expect(schema.get('Product')).toContain('kind');
    expect(schema.get('License')).not.toContain('order');
    expect(schema.get('Order')).not.toContain('items');
  });

  it('lib/db/columns.ts names only scalar columns of each model', () => {
    expect(registryProblems(schema, SQL_TABLES)).toEqual([]);
  });

  it.each(STATEMENTS)('%s names only columns from lib/db/columns.ts', (_, sql) => {
    expect(statementProblems(schema, SQL_TABLES, sql)).toEqual([]);
  });

  it('fails when a column the SQL uses is renamed in the schema', () => {
    const renamed = parseSchema(SCHEMA_TEXT.replace(/^(\s*)downloadCount\b/m, '$1downloadTotal'));
    const problem = 'License.downloadCount: not a scalar column of model License in prisma/models.prisma';
    expect(registryProblems(renamed, SQL_TABLES)).toEqual([problem]);
    expect(statementProblems(renamed, SQL_TABLES, SQLITE_SQL.count)).toEqual([problem]);
    expect(statementProblems(renamed, SQL_TABLES, ORDER_VIEW_SQL.licenses)).toEqual([problem]);
  });

  it('fails on a column written as a literal beside lib/db/columns.ts', () => {
    expect(statementProblems(schema, SQL_TABLES, 'SELECT l."createdAt", "downloadCont" FROM "License" l JOIN "Licence" x ON x."id" = l."id"')).toEqual([
      '"Licence": no such model in prisma/models.prisma',
      'License.createdAt: not taken from lib/db/columns.ts',
      '"downloadCont": a column of none of License, Licence in prisma/models.prisma',
      'Licence.id: not a scalar column of model Licence in prisma/models.prisma',
    ]);
  });
});
