'use client';

// Nothing about the failure reaches the browser; the details are in the server log.
export default function ErrorPage({ reset }: { reset: () => void }) {
  return (
    <section className="notice">
      <h1>Something went wrong</h1>
      <p>Please try again in a moment.</p>
      <button type="button" onClick={reset}>Try again</button>
    </section>
  );
}
