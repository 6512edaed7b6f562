'use client';

import { createContext, useContext } from 'react';

export interface ErrorWords { failed: string; failedText: string; tryAgain: string }

const Words = createContext<ErrorWords | null>(null);

/** The root layout hands app/error.tsx its words (it renders inside the layout, with no props of the page's). */
export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: React.ReactNode }) {
  return <Words.Provider value={words}>{children}</Words.Provider>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error('ErrorWordsProvider is missing from the root layout');
  return words;
}
