'use client';

import { useState } from 'react';

/** Its words come translated from the server (words.ts): the order page ships no translator. */
export interface CopyWords { copy: string; copied: string; label: string }

/** Copies a SHA-256 to the clipboard; the digest itself stays selectable text beside it. */
export function CopyDigest({ digest, words }: { digest: string; words: CopyWords }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(digest);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false); // no clipboard (an insecure origin): the digest can still be selected by hand
    }
  }
  return (
    <button type="button" className="copy-digest" onClick={copy} aria-label={copied ? words.copied : words.label}>{copied ? words.copied : words.copy}</button>
  );
}
