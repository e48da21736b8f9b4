// Charts drawn over data the page already shows as text: a results page renders its counts as a list (the
// accessible version, and what remains without JavaScript), and this bundle draws the same values as a doughnut
// beside it. Each item's colour swatch makes the list the chart's legend, so the chart needs no labels of its own.
// Only pages with results load it (about 135 kB minified, 50 kB compressed), not every page.
//
//   <canvas data-chart-source="results-42" aria-hidden="true"></canvas>
//   <ol id="results-42"><li data-chart-value="12"><span data-chart-swatch></span>Tuesday …</li>…</ol>
//
// The chart follows the list: when a script rewrites the values (live counts), the chart is updated in place.
import { Chart, DoughnutController, ArcElement } from 'chart.js';

Chart.register(DoughnutController, ArcElement);

const read = source => [...source.querySelectorAll('[data-chart-value]')].map(item => ({
  value: Number(item.getAttribute('data-chart-value')) || 0,
  colour: getComputedStyle(item.querySelector('[data-chart-swatch]') || item).backgroundColor,
}));

const draw = canvas => {
  const source = document.getElementById(canvas.getAttribute('data-chart-source'));
  if (!source) {
    return;
  }
  const items = read(source);
  const surface = getComputedStyle(document.body).backgroundColor;
  const chart = new Chart(canvas, {
    type: 'doughnut',
    data: { datasets: [{ data: items.map(i => i.value), backgroundColor: items.map(i => i.colour), borderColor: surface, borderWidth: 2 }] },
    options: {
      responsive: true,
      maintainAspectRatio: true,
      cutout: '55%',
      animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 300 },
      events: [],
    },
  });
  canvas.closest('[data-chart-box]')?.removeAttribute('hidden');
  new MutationObserver(() => {
    chart.data.datasets[0].data = read(source).map(i => i.value);
    chart.update();
  }).observe(source, { subtree: true, attributes: true, attributeFilter: ['data-chart-value'] });
};

const start = () => document.querySelectorAll('canvas[data-chart-source]').forEach(draw);
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
