// Applies the committed migrations (Prisma's layout, prisma/<provider>/migrations)
// with Prisma's WebAssembly schema engine: the native engine cannot be downloaded
// here. It records _prisma_migrations exactly as `prisma migrate deploy` does.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine, MigrationList } from '@prisma/schema-engine-wasm';
import { schemaEngineAdapterFor } from './engine-adapter';
import { migrationsDir, providerOf, schemaPath, type Provider } from './schema-files';

export const SCHEMA_FILTER = { externalTables: [], externalEnums: [] };

let glue: typeof import('@prisma/schema-engine-wasm/schema_engine_bg') | undefined;

async function loadEngineModule() {
  if (glue) return glue;
  const mod = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(path.dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': mod as never });
  mod.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  glue = mod;
  return mod;
}

export function schemaFiles(provider: Provider) {
  const file = path.resolve(schemaPath(provider));
  return [{ path: file, content: readFileSync(file, 'utf8') }];
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened (SQLite would stay locked otherwise). */
  close(): Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string, log: (line: string) => void = () => {}): Promise<OpenEngine> {
  const mod = await loadEngineModule();
  const provider = providerOf(databaseUrl);
  const datamodels = schemaFiles(provider).map((f) => [f.path, f.content] as [string, string]);
  const base = schemaEngineAdapterFor(databaseUrl);
  const opened: { dispose(): Promise<void> }[] = [];
  const track = <T extends { dispose(): Promise<void> }>(connection: T) => { opened.push(connection); return connection; };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => track(await base.connect()),
    connectToShadowDb: async () => track(await base.connectToShadowDb()),
  };
  const engine = await mod.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(factory));
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose()));
    },
  };
}

/** `before`: only the migrations named before it (a data migration's test starts from the schema before it). */
export function readMigrations(provider: Provider, before?: string): MigrationList {
  const baseDir = path.resolve(migrationsDir(provider));
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
      .filter((name) => before === undefined || name < before)
    : [];
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** Applies pending migrations (those named before `options.before` only, when given); returns the names applied now. */
export async function applyMigrations(databaseUrl: string, options: { before?: string } = {}): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(providerOf(databaseUrl), options.before),
      filters: SCHEMA_FILTER,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}
