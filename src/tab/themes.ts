import { teamsLightTheme, type Theme } from '@fluentui/react-theme';
import type { ThemeName } from './host/theme';

/**
 * Fluent themes by name. Light is in the initial bundle; dark and high contrast are loaded when
 * first needed (each is a full token set).
 */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  if (name === 'dark') return (await import('./theme-dark.js')).theme;
  if (name === 'contrast') return (await import('./theme-contrast.js')).theme;
  return teamsLightTheme;
}
