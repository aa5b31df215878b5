import { useEffect, useRef } from 'react';

/**
 * After an in-app move to another page, puts focus on the new page's heading, as
 * a full page load would start reading from the top. On the first render nothing
 * moves, so the browser's own focus handling applies on load; comparing with the
 * previous path (not counting runs) keeps this true when effects run twice.
 */
export function useFocusOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    (heading ?? document.querySelector<HTMLElement>('main'))?.focus();
  }, [pathname]);
}
