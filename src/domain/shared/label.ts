/** A text in both UI languages. Swedish is the default language of the product. */
export interface Label {
  readonly sv: string;
  readonly en: string;
}

export type Locale = 'sv' | 'en';

/** Picks the text for a locale; anything that is not English gets Swedish. */
export function text(label: Label, locale: Locale): string {
  return locale === 'en' ? label.en : label.sv;
}
