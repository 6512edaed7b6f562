'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';

/**
 * The phone menu is a checkbox in the layout, which stays mounted across client-side
 * navigations: fold it again when one of its links is followed (the current page's too)
 * and whenever the page changes (back and forward), so the page shows, not the menu.
 */
export function MenuCloser({ toggleId, panelId }: { toggleId: string; panelId: string }) {
  const pathname = usePathname();
  useEffect(() => {
    const fold = () => {
      const toggle = document.getElementById(toggleId);
      if (toggle instanceof HTMLInputElement) toggle.checked = false;
    };
    fold();
    const panel = document.getElementById(panelId);
    const onClick = (event: MouseEvent) => { if ((event.target as Element | null)?.closest('a')) fold(); };
    panel?.addEventListener('click', onClick);
    return () => panel?.removeEventListener('click', onClick);
  }, [pathname, toggleId, panelId]);
  return null;
}
