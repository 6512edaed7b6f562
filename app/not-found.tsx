import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="notice">
      <h1>Not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/">Back to the catalogue</Link>
    </section>
  );
}
