import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes the focus each time a form's action answers (a new state) and `when`
 * holds, e.g. Add to cart's status message: without it the focus falls to <body> when the
 * submit button is disabled while the action runs, and a keyboard or screen-reader user is lost.
 */
export function useFocusOnAnswer<E extends HTMLElement>(answer: unknown, when: boolean) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [answer, when]);
  return ref;
}
