import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { readonly state: 'loading'; readonly reload: () => void }
  | { readonly state: 'ready'; readonly data: T; readonly reload: () => void }
  | { readonly state: 'error'; readonly error: unknown; readonly reload: () => void };

/** Loads data when its key changes; an older answer never overwrites a newer one. */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [n, setN] = useState(0);
  const [value, setValue] = useState<{
    key: string;
    state: 'ready' | 'error';
    data?: T;
    error?: unknown;
  } | null>(null);
  const reload = useCallback(() => setN((x) => x + 1), []);
  useEffect(() => {
    let live = true;
    setValue(null);
    load().then(
      (data) => live && setValue({ key, state: 'ready', data }),
      (error: unknown) => live && setValue({ key, state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [key, n]);
  if (!value || value.key !== key) return { state: 'loading', reload };
  if (value.state === 'error') return { state: 'error', error: value.error, reload };
  return { state: 'ready', data: value.data as T, reload };
}
