/* global window, document */
// Runs before the first paint (a blocking classic script in <head>) so the page
// never flashes the wrong theme. External, not inline: the CSP has no
// 'unsafe-inline'. Keep the storage key and values in sync with src/lib/theme.ts.
(function () {
  var preference = 'system';
  try {
    var stored = window.localStorage.getItem('interviewselect.theme');
    if (stored === 'light' || stored === 'dark') preference = stored;
  } catch {
    // Storage can be unavailable (privacy mode, blocked cookies); follow the system.
  }
  var prefersDark =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var theme = preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference;
  document.documentElement.setAttribute('data-theme', theme);
  document.documentElement.setAttribute('data-theme-preference', preference);
})();
