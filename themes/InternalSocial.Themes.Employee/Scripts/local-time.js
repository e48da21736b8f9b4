// `<time data-format="relative" datetime="ISO">` (what the `<local-time>` tag helper renders) reads as
// "3 minutes ago" / "il y a 3 minutes", in the page's language, and stays current. The server's text, an absolute
// date in the organisation's time zone, stays as the tooltip and is what readers without JavaScript see.
const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function relativeTime(date, now, language) {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      // Under 45 seconds reads as "now" rather than a counting clock.
      if (unit === 'second' && Math.abs(seconds) < 45) {
        return format.format(0, 'second');
      }
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

function update(root) {
  const language = document.documentElement.lang || undefined;
  const now = new Date();
  for (const element of root.querySelectorAll('time[data-format="relative"][datetime]')) {
    const date = new Date(element.getAttribute('datetime'));
    if (Number.isNaN(date.getTime())) {
      continue;
    }
    if (!element.title) {
      element.title = element.textContent.trim();
    }
    element.textContent = relativeTime(date, now, language);
  }
}

export function startRelativeTimes(root) {
  if (typeof Intl === 'undefined' || !Intl.RelativeTimeFormat) {
    return;
  }
  update(root);
  // Content htmx swaps in gets the same treatment; a minute's tick keeps "2 minutes ago" true.
  document.addEventListener('htmx:after:swap', () => update(root));
  setInterval(() => update(root), 60_000);
}
