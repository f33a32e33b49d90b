/** How a card's message is coloured: a confirmation, a refusal to read, or a passing hitch. */
export type CardTone = 'default' | 'good' | 'attention' | 'warning';

/** Adaptive Card TextBlock colours for each tone. */
export const TONE_COLOR: Readonly<Record<CardTone, string>> = {
  default: 'Default',
  good: 'Good',
  attention: 'Attention',
  warning: 'Warning',
};
