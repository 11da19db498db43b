/**
 * FullCalendar's injected CSS embeds its icon font as a data: URL, which the
 * app's `font-src 'self'` refuses (with a console error each time the page
 * loads). The calendar draws its own toolbar and uses none of those icons, so
 * the @font-face rule is taken out of FullCalendar's <style> once it exists
 * (it is created when the library is imported, before anything renders).
 */
export function dropIconFont(doc: Document = document): void {
  const sheet = doc.querySelector<HTMLStyleElement>('style[data-fullcalendar]')?.sheet;
  if (!sheet) return;
  for (let i = sheet.cssRules.length - 1; i >= 0; i -= 1) {
    if (sheet.cssRules[i] instanceof CSSFontFaceRule) sheet.deleteRule(i);
  }
}
