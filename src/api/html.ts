/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A string literal safe inside an inline <script>. */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c');
}

/**
 * A small server-rendered page (sign-in, privacy, terms) with the tab's look: system font, visible
 * focus, dark and forced-colours (high contrast) support, readable on a phone.
 */
export function htmlPage(title: string, body: string, lang = 'sv'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; font-family: 'Segoe UI', system-ui, sans-serif; line-height: 1.5; }
  body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1rem; background: Canvas; color: CanvasText; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  a { color: LinkText; }
  ul.users { list-style: none; padding: 0; display: grid; gap: .5rem; }
  ul.users button { width: 100%; text-align: start; padding: .75rem 1rem; border: 1px solid GrayText;
    border-radius: 6px; background: ButtonFace; color: ButtonText; font: inherit; cursor: pointer; }
  ul.users .name { display: block; font-weight: 600; }
  ul.users .meta { display: block; font-size: .875rem; }
  :focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
