import { useRef } from 'react';

/**
 * One change id per change until it succeeds: pressing again after a lost answer or a 503 repeats
 * the same change (the server finds it done) instead of making a second one.
 */
export function useChangeIds() {
  const ids = useRef(new Map<string, string>());
  return {
    idFor(what: unknown): string {
      const key = JSON.stringify(what);
      let id = ids.current.get(key);
      if (!id) ids.current.set(key, (id = crypto.randomUUID()));
      return id;
    },
    done(what: unknown): void {
      ids.current.delete(JSON.stringify(what));
    },
  };
}
