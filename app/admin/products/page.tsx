import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/lib/server/shop';
import { AdminShell } from '../admin-shell';
import { FILE_KINDS } from '@/lib/fulfilment/kinds';

export const metadata: Metadata = { title: 'Products · Admin' };

export default function AdminProductsPage() {
  return <AdminShell><DigitalProducts /></AdminShell>;
}

async function DigitalProducts() {
  const products = await db().product.findMany({ where: { kind: { in: FILE_KINDS } }, orderBy: { id: 'asc' }, include: { fileSource: true } });
  return (
    <>
      <h1>Digital products</h1>
      <table className="admin-table">
        <thead><tr><th scope="col">Product</th><th scope="col">File source</th><th scope="col">Download limit</th><th scope="col">License length</th></tr></thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.slug}>
              <td><Link href={`/admin/products/${p.slug}`}>{p.name}</Link></td>
              <td>{p.fileSource && p.fileSource.kind !== 'none' ? `${p.fileSource.kind} · ${p.fileSource.fileName}` : 'none yet'}</td>
              <td>{p.downloadLimit ?? 'unlimited'}</td>
              <td>{p.licenseDays ? `${p.licenseDays} days` : 'forever'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
