import { createContext, useContext } from 'react';
import type { Catalogue } from '../domain/catalogue/catalogue.types';
import type { Locale } from '../domain/shared/label';
import type { Api } from './api/client';
import type { Me } from '../contracts/tab-api';
import type { TabStrings } from './i18n';

/** What every view needs: the API, the language, the catalogue and who is signed in. */
export interface TabContextValue {
  readonly api: Api;
  readonly locale: Locale;
  readonly t: TabStrings;
  readonly catalogue: Catalogue;
  readonly me: Me;
}

export const TabContext = createContext<TabContextValue | null>(null);

export function useTab(): TabContextValue {
  const value = useContext(TabContext);
  if (!value) throw new Error('useTab outside TabContext');
  return value;
}
