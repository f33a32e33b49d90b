/**
 * User text as it is stored: line breaks as \n, and no control characters (C0 except tab and line
 * feed, DEL, C1). They carry nothing a person meant, break exports and cards, and bloat the JSON a
 * record is stored as (each becomes a six-character escape).
 */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
