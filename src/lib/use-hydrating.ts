import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/**
 * True when rendering on the server (the build's prerender of the first view) and while React
 * hydrates that markup in the browser; false in every later render. What a component draws while
 * this is true must not depend on the browser (its clock, time zone, size or stored state).
 */
export function useHydrating(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => false,
    () => true,
  );
}
