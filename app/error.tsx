'use client';

import { useErrorWords } from './_components/error-words';

// Nothing about the failure reaches the browser; the details are in the server log.
export default function ErrorPage({ reset }: { reset: () => void }) {
  const words = useErrorWords();
  return (
    <section className="notice">
      <h1>{words.failed}</h1>
      <p>{words.failedText}</p>
      <button type="button" onClick={reset}>{words.tryAgain}</button>
    </section>
  );
}
