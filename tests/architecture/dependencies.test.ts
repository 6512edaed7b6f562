// Dependencies point one way (../shared/STYLE.md §8): pages and handlers → use cases →
// domain → infrastructure, with the composition root (lib/server, lib/config.ts) on top.
// Two lib/ folders that import each other, or any longer cycle between folders, fail here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve('lib');

/** Each lib/ folder (or top-level file) and its tier; an import may only go to the same tier or below. */
const TIERS = {
  composition: ['server', 'config', 'demo'],
  'use case': ['checkout', 'payments', 'orders', 'fulfilment', 'downloads', 'versions', 'licenses', 'content-links', 'secure-payload', 'order-claims', 'order-finder', 'fresh-links', 'admin'],
  domain: ['order-states', 'order-access', 'catalog', 'signing', 'session', 'coupons', 'content', 'key-store', 'integrations', 'accounts', 'money',
    // Outgoing webhooks: the shop's events for other systems, signed with secrets sealed under APP_KEYS (lib/signing).
    'webhooks'],
  infrastructure: ['db', 'mail', 'http', 'rate-limit', 'i18n', 'errors', 'kept', 'forms'],
} as const;
const RANK = new Map(Object.values(TIERS).flatMap((units, index, all) => units.map((unit) => [unit as string, all.length - index])));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'generated' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** `lib/orders/view.ts` → `orders`; `lib/config.ts` → `config`. */
const unitOf = (file: string) => path.relative(LIB, file).split(path.sep)[0].replace(/\.tsx?$/, '');

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.map((imported) => imported.fileName);
}

function resolveToLib(from: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.resolve(specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(from), specifier);
  return null;
}

export interface Edge { from: string; to: string; file: string }

export function folderEdges(files: readonly string[], read: (file: string) => string[] = importsOf): Edge[] {
  return files.flatMap((file) => read(file).flatMap((specifier) => {
    const target = resolveToLib(file, specifier);
    if (!target || !target.startsWith(LIB + path.sep)) return [];
    const from = unitOf(file);
    const to = unitOf(target);
    return from === to ? [] : [{ from, to, file: path.relative('.', file) }];
  }));
}

/** Strongly connected groups of more than one folder (Tarjan): each is an import cycle. */
export function cyclesOf(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) { visit(to); low.set(node, Math.min(low.get(node)!, low.get(to)!)); }
      else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do { member = stack.pop()!; group.push(member); } while (member !== node);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const edges = folderEdges(sourceFiles(LIB));

describe('lib/ dependencies', () => {
  it('have no import cycle between folders', () => {
    const described = cyclesOf(edges).map((group) => `${group.join(' ↔ ')}: ${edges
      .filter((e) => group.includes(e.from) && group.includes(e.to)).map((e) => `${e.file} → ${e.to}`).join(', ')}`);
    expect(described).toEqual([]);
  });

  it('point down the tiers: composition → use cases → domain → infrastructure', () => {
    const units = new Set(edges.flatMap((e) => [e.from, e.to]));
    expect([...units].filter((unit) => !RANK.has(unit)), 'every lib/ folder has a tier in TIERS').toEqual([]);
    const upward = edges.filter((e) => RANK.get(e.to)! > RANK.get(e.from)!).map((e) => `${e.file} imports ${e.to}`);
    expect(upward).toEqual([]);
  });

  // next-intl's createTranslator is plain use-intl: it may be used anywhere.
  it('keep Next.js, and the configuration, in the composition root and the pages', () => {
    const framework = sourceFiles(LIB).filter((file) => !['server', 'config'].includes(unitOf(file)))
      .filter((file) => importsOf(file).some((s) => /^next(\/|$)|^server-only$|\/config$/.test(s)))
      .map((file) => path.relative('.', file));
    expect(framework).toEqual([]);
  });

  it('would see a cycle and an upward import (the checks can fail)', () => {
    const planted: Edge[] = [{ from: 'orders', to: 'checkout', file: 'x' }, { from: 'checkout', to: 'orders', file: 'y' }];
    // The planted pair joins whatever already leads from one to the other (checkout → payments → orders).
    expect(cyclesOf([...edges, ...planted])).toContainEqual(expect.arrayContaining(['checkout', 'orders']));
    const chain: Edge[] = [{ from: 'db', to: 'http', file: 'a' }, { from: 'http', to: 'mail', file: 'b' }, { from: 'mail', to: 'db', file: 'c' }];
    expect(cyclesOf(chain)).toEqual([['db', 'http', 'mail']]);
    expect(RANK.get('db')! < RANK.get('orders')!).toBe(true);
  });
});
