#!/usr/bin/env bash
# Lighthouse 12 audit of the anonymous home page on Lighthouse's default phone profile, plus a check that the site
# is an installable web app (Lighthouse 12 no longer has the PWA category). See docs/lighthouse.md.
#
#   tools/lighthouse/run.sh [--check] [--runs N] [--port P] [--skip-build]
#
# Everything it builds or writes goes to $INTERNALSOCIAL_LIGHTHOUSE_DIR (default /tmp/internalsocial-lighthouse),
# outside the repository: the Release publish, its bin/obj (--artifacts-path), a fresh App_Data, logs and reports.
#
# Exit codes: 0 measured (and, with --check, every category >= 90 and the web app checks pass);
#             1 --check given and a score is below 90 or a web app check failed;
#             2 the measurement could not be made (build, setup, start, Chromium or Lighthouse failed).
set -euo pipefail

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

CHECK=0
RUNS=3
PORT=""
SKIP_BUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --check) CHECK=1 ;;
    --runs) RUNS="${2:?--runs needs a number}"; shift ;;
    --port) PORT="${2:?--port needs a number}"; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$RUNS" in ''|*[!0-9]*|0) echo "--runs must be a positive number" >&2; exit 2 ;; esac

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="$(realpath -m "${INTERNALSOCIAL_LIGHTHOUSE_DIR:-/tmp/internalsocial-lighthouse}")"
APP="$WORK/app"
APP_DATA="$WORK/app-data"
REPORTS="$WORK/reports"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "lighthouse/run.sh: $*" >&2; exit 2; }

case "$WORK/" in "$REPO"/*) fail "the work folder $WORK must be outside the repository $REPO" ;; esac
[ -x "$CHROME_PATH" ] || fail "no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)"
for tool in dotnet node npm curl flock timeout; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

mkdir -p "$WORK"
exec 9>"$WORK/.lock"
flock -n 9 || fail "another run is using $WORK"

# 1. Lighthouse itself, from the lock file.
if [ ! -d "$HERE/node_modules" ]; then
  echo "==> npm ci (tools/lighthouse)"
  (cd "$HERE" && npm ci --no-audit --no-fund) || fail "npm ci failed"
fi
LIGHTHOUSE="$HERE/node_modules/.bin/lighthouse"
[ -x "$LIGHTHOUSE" ] || fail "$LIGHTHOUSE is missing: delete tools/lighthouse/node_modules and run again"

# 2. The site in Release, published outside the repository; --artifacts-path keeps bin/obj out of it as well.
if [ "$SKIP_BUILD" = 1 ] && [ -f "$APP/InternalSocial.Web.dll" ] && [ -f "$WORK/build-info" ]; then
  echo "==> reusing the published site in $APP (--skip-build)"
else
  # What is built: the commit, and how many product files are changed or new since it (the working tree is published).
  echo "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown) $(git -C "$REPO" status --porcelain \
    --untracked-files=all -- src modules themes recipes 2>/dev/null | wc -l)" >"$WORK/build-info"
  echo "==> dotnet publish src/InternalSocial.Web -c Release -o $APP (log: $WORK/publish.log)"
  rm -rf "$APP"
  if ! dotnet publish "$REPO/src/InternalSocial.Web" -c Release -o "$APP" --artifacts-path "$WORK/artifacts" \
      >"$WORK/publish.log" 2>&1; then
    tail -n 30 "$WORK/publish.log" >&2
    fail "dotnet publish failed (see $WORK/publish.log)"
  fi
fi
read -r COMMIT DIRTY <"$WORK/build-info"

# 3. A fresh organisation, set up without a browser. Production, as a deployed site runs.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
echo "==> setup of a fresh organisation in $APP_DATA"
rm -rf "$APP_DATA"
(cd "$APP" && dotnet InternalSocial.Web.dll setup --app-data "$APP_DATA" --recipe default --site-name "Contoso" \
  --admin-user admin --admin-email admin@contoso.test --admin-password 'Passw0rd!Strong') >"$WORK/setup.log" 2>&1 \
  || { cat "$WORK/setup.log" >&2; fail "setup failed"; }

# 4. Start it (the content root is the publish folder, so run from there) and wait until it is ready.
if [ -z "$PORT" ]; then
  PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
else
  # Something else answering on the port would be measured instead of the site: refuse a port in use.
  node -e 'const s=require("net").createServer();s.on("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$PORT" \
    || fail "port $PORT is in use"
fi
BASE="http://127.0.0.1:$PORT"
URL="$BASE/"
echo "==> starting the site at $BASE (log: $WORK/site.log)"
(cd "$APP" && exec dotnet InternalSocial.Web.dll --app-data "$APP_DATA" --urls "$BASE") >"$WORK/site.log" 2>&1 &
SITE_PID=$!
stop_site() {
  if kill -0 "$SITE_PID" 2>/dev/null; then
    kill -TERM "$SITE_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SITE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SITE_PID" 2>/dev/null || true
    wait "$SITE_PID" 2>/dev/null || true
    echo "==> site stopped"
  fi
}
trap stop_site EXIT
trap 'exit 2' INT TERM

ready=0
for _ in $(seq 1 120); do
  kill -0 "$SITE_PID" 2>/dev/null || { tail -n 30 "$WORK/site.log" >&2; fail "the site exited before it was ready"; }
  if curl -fsS --max-time 5 -o /dev/null "$BASE/health/ready" 2>/dev/null; then ready=1; break; fi
  sleep 0.5
done
[ "$ready" = 1 ] || { tail -n 30 "$WORK/site.log" >&2; fail "$BASE/health/ready did not answer 200 within 60 s"; }
status="$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' "$URL")"   # also warms the home page up before measuring
[ "$status" = 200 ] || fail "GET $URL answered $status, not 200"

# 5. Lighthouse, default (mobile) settings: moto g power emulation, simulated slow 4G and 4x CPU slowdown.
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
: >"$WORK/lighthouse.log"
for i in $(seq 1 "$RUNS"); do
  echo "==> lighthouse run $i/$RUNS on $URL"
  "$LIGHTHOUSE" "$URL" --chrome-flags="$CHROME_FLAGS" \
    --only-categories=performance,accessibility,best-practices \
    --output=json --output=html --output-path="$REPORTS/home-$i" >>"$WORK/lighthouse.log" 2>&1 \
    || { tail -n 30 "$WORK/lighthouse.log" >&2; fail "lighthouse run $i failed (see $WORK/lighthouse.log)"; }
done

# 6. Installable web app: Chromium's own installability check, the manifest, its icons, the service worker and the
#    offline page, through the DevTools protocol (puppeteer-core, installed with Lighthouse).
echo "==> web app checks (manifest, icons, service worker, offline page)"
if ! (cd "$HERE" && timeout 180 node --input-type=module - "$URL" "$REPORTS/webapp.json" "$CHROME_FLAGS") <<'JS'; then
import puppeteer from 'puppeteer-core';
import { writeFileSync } from 'node:fs';

const [url, out, flags] = process.argv.slice(2);
const result = { url, checks: [] };
const check = (id, pass, detail) => result.checks.push({ id, pass: !!pass, detail });
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH, headless: true, args: flags.split(' ') });
try {
  result.chromium = await browser.version();
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  await page.goto(url, { waitUntil: 'load' });

  const manifest = await cdp.send('Page.getAppManifest');
  let data = null;
  try { data = manifest.data ? JSON.parse(manifest.data) : null; } catch { /* reported below */ }
  result.manifest = { url: manifest.url, errors: manifest.errors, data };
  check('manifest-linked', manifest.url, manifest.url || 'no <link rel="manifest">');
  check('manifest-parses', data && manifest.errors.length === 0,
    manifest.errors.length ? manifest.errors.map(e => e.message).join('; ') : (data ? 'no errors' : 'not JSON'));
  if (data) {
    const missing = ['name', 'short_name', 'start_url', 'display', 'icons', 'theme_color', 'background_color']
      .filter(key => data[key] === undefined);
    check('manifest-fields', missing.length === 0, missing.length ? 'missing: ' + missing.join(', ') : 'name, short_name, start_url, display, icons, theme_color, background_color');
    const icons = [];
    for (const icon of data.icons || []) {
      const iconUrl = new URL(icon.src, manifest.url).href;
      const response = await fetch(iconUrl);
      const bytes = Buffer.from(await response.arrayBuffer());
      const png = bytes.length > 24 && bytes.toString('latin1', 1, 4) === 'PNG';
      const actual = png ? `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}` : null;
      icons.push({ src: icon.src, sizes: icon.sizes, purpose: icon.purpose || 'any', status: response.status, type: response.headers.get('content-type'), actual });
    }
    result.icons = icons;
    const bad = icons.filter(i => i.status !== 200 || !i.actual || i.actual !== i.sizes);
    check('icons-match', icons.length > 0 && bad.length === 0, bad.length ? bad : icons.map(i => `${i.sizes} ${i.purpose}: ${i.status} ${i.actual}`).join(', '));
    check('icon-512', icons.some(i => i.actual === '512x512' && (i.purpose || 'any').split(' ').includes('any')), 'a 512x512 "any" icon (splash screen)');
    check('icon-maskable', icons.some(i => (i.purpose || '').split(' ').includes('maskable')), 'an icon with purpose "maskable"');
    const meta = await page.$eval('meta[name="theme-color"]', m => m.content).catch(() => null);
    check('theme-color', meta && data.theme_color && meta.toLowerCase() === String(data.theme_color).toLowerCase(),
      `<meta name="theme-color"> ${meta}, manifest theme_color ${data.theme_color}`);
  }

  const registration = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(r => ({ scope: r.scope, script: r.active && r.active.scriptURL })),
    new Promise(resolve => setTimeout(() => resolve(null), 15000)),
  ]));
  result.serviceWorker = registration;
  check('service-worker-registered', registration, registration ? `${registration.script}, scope ${registration.scope}` : 'none within 15 s');
  await page.reload({ waitUntil: 'load' });
  const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
  check('service-worker-controls-page', controlled, controlled ? 'the reloaded page is controlled' : 'the reloaded page is not controlled');

  const installability = await cdp.send('Page.getInstallabilityErrors');
  result.installabilityErrors = installability.installabilityErrors;
  check('chromium-installable', installability.installabilityErrors.length === 0,
    installability.installabilityErrors.length ? installability.installabilityErrors.map(e => e.errorId).join(', ') : 'Page.getInstallabilityErrors: none');

  if (registration) {
    // Offline like DevTools' "Offline" box: for the page and for its service worker.
    const target = await browser.waitForTarget(t => t.type() === 'service_worker', { timeout: 5000 }).catch(() => null);
    const sessions = [cdp];
    if (target) sessions.push(await target.createCDPSession());
    for (const session of sessions) {
      await session.send('Network.enable');
      await session.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    const response = await page.goto(url, { waitUntil: 'load' }).catch(e => e);
    const ok = response && !(response instanceof Error) && response.status() === 200 && response.fromServiceWorker();
    check('offline-page', ok, response instanceof Error ? response.message
      : `status ${response && response.status()}, from service worker ${response && response.fromServiceWorker()}, title "${await page.title()}"`);
  }
} finally {
  await browser.close();
}
writeFileSync(out, JSON.stringify(result, null, 2));
JS
  fail "the web app checks could not run"
fi

# 7. Scores (Lighthouse's median run), failing audits, web app checks; --check decides the exit code.
set +e
(cd "$HERE" && node --input-type=module - "$REPORTS" "$RUNS" "$CHECK" "$URL" "$COMMIT" "$DIRTY") <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

const [dir, runs, check, url, commit, dirty] = process.argv.slice(2);
const reports = Array.from({ length: Number(runs) }, (_, i) => JSON.parse(readFileSync(`${dir}/home-${i + 1}.report.json`, 'utf8')));
const median = computeMedianRun(reports);
const medianIndex = reports.indexOf(median);
const categories = ['performance', 'accessibility', 'best-practices'];
const pct = score => (score === null || score === undefined ? 'n/a' : String(Math.round(score * 100)));

console.log(`\nLighthouse ${median.lighthouseVersion}, ${median.configSettings.formFactor}, throttling ${median.configSettings.throttlingMethod}, ${url}`);
console.log(`Chromium: ${median.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0]}, benchmarkIndex ${median.environment.benchmarkIndex}, commit ${commit}${Number(dirty) ? ` + ${dirty} changed or new file(s) not committed in src, modules, themes, recipes` : ''}`);
console.log(`\n${'run'.padEnd(8)}${categories.map(c => c.padStart(16)).join('')}${'FCP'.padStart(9)}${'LCP'.padStart(9)}${'TBT'.padStart(9)}${'CLS'.padStart(7)}`);
reports.forEach((r, i) => {
  const m = id => r.audits[id]?.displayValue ?? 'n/a';
  console.log(`${(String(i + 1) + (i === medianIndex ? ' median' : '')).padEnd(8)}${categories.map(c => pct(r.categories[c]?.score).padStart(16)).join('')}` +
    `${m('first-contentful-paint').padStart(9)}${m('largest-contentful-paint').padStart(9)}${m('total-blocking-time').padStart(9)}${m('cumulative-layout-shift').padStart(7)}`);
});

const failing = [];
for (const c of categories) {
  for (const ref of median.categories[c]?.auditRefs ?? []) {
    const a = median.audits[ref.id];
    if (a.score === null || a.score >= 1 || ['manual', 'notApplicable', 'informative'].includes(a.scoreDisplayMode)) continue;
    const items = (a.details?.items ?? []).map(x => x.url ?? x.node?.snippet ?? x.source?.url ?? x.description).filter(Boolean);
    failing.push({ category: c, id: ref.id, score: a.score, weight: ref.weight, title: a.title, displayValue: a.displayValue ?? '', items });
  }
}
console.log(`\nAudits not passing in the median run (${failing.length}):`);
for (const f of failing) {
  console.log(`  [${f.category}] ${f.id} score ${f.score} weight ${f.weight}: ${f.title}${f.displayValue ? ' (' + f.displayValue + ')' : ''}`);
  for (const item of f.items.slice(0, 5)) console.log(`      ${item}`);
}
// Audits Lighthouse could not compute are neither passed nor failed: say so rather than hide them.
const errored = Object.values(median.audits).filter(a => a.scoreDisplayMode === 'error')
  .map(a => ({ id: a.id, error: (a.errorMessage ?? '').slice(0, 160) }));
if (errored.length) {
  console.log(`\nAudits Lighthouse could not compute in the median run (${errored.length}; not part of any score here):`);
  for (const e of errored) console.log(`  ${e.id}: ${e.error}`);
}
for (const warning of median.runWarnings ?? []) console.log(`Lighthouse warning: ${warning}`);

const webapp = JSON.parse(readFileSync(`${dir}/webapp.json`, 'utf8'));
const lhInstallable = median.audits['installable-manifest'];
console.log('\nInstallable web app' + (lhInstallable ? ` (Lighthouse installable-manifest: ${lhInstallable.score})` : ' (no installable-manifest audit in Lighthouse 12; DevTools protocol checks):'));
for (const c of webapp.checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'} ${c.id}: ${typeof c.detail === 'string' ? c.detail : JSON.stringify(c.detail)}`);

const below = categories.filter(c => !(median.categories[c]?.score >= 0.9));
const webappFailed = webapp.checks.filter(c => !c.pass).map(c => c.id);
writeFileSync(`${dir}/summary.json`, JSON.stringify({
  url, commit, uncommittedFiles: Number(dirty), lighthouseVersion: median.lighthouseVersion, chromium: median.environment.hostUserAgent,
  benchmarkIndex: median.environment.benchmarkIndex, medianRun: medianIndex + 1,
  runs: reports.map(r => Object.fromEntries(categories.map(c => [c, r.categories[c]?.score]))),
  scores: Object.fromEntries(categories.map(c => [c, median.categories[c]?.score])), failing, errored, runWarnings: median.runWarnings, webapp: webapp.checks,
}, null, 2));
console.log(`\nReports: ${dir}/home-${medianIndex + 1}.report.html (median run), ${dir}/home-N.report.{html,json}, ${dir}/webapp.json, ${dir}/summary.json`);
if (check === '1') {
  if (below.length || webappFailed.length) {
    console.log(`CHECK FAILED: ${[...below.map(c => `${c} < 90`), ...webappFailed.map(id => `web app check ${id}`)].join(', ')}`);
    process.exit(3);
  }
  console.log('CHECK PASSED: every category >= 90 and the web app checks pass');
}
JS
rc=$?
set -e
case "$rc" in
  0) exit 0 ;;
  3) exit 1 ;;
  *) fail "the summary could not be made (node exited with $rc)" ;;
esac
