// The site's bundle, loaded with `defer` by every layout: htmx for server-rendered partial updates, and small
// progressive enhancements. Every page works without it; it only makes pages nicer.
import htmx from 'htmx.org';
import { enhanceConfirmations } from './confirm.js';
import { startRelativeTimes } from './local-time.js';
import { enhanceDisclosures, enhancePrintButtons } from './disclosure.js';
import { enhanceFileInputs } from './file-inputs.js';

window.htmx = htmx;

// htmx requests that are not made from a form still need the antiforgery token the server checks on every POST:
// take it from any form of the page (the layouts' sign-out form carries one for signed-in users).
// Only for requests that change something, and only to this site: the token must never leave for another origin.
document.addEventListener('htmx:config:request', event => {
  const token = document.querySelector('input[name="__RequestVerificationToken"]');
  const request = event.detail && event.detail.ctx && event.detail.ctx.request;
  if (!token || !request || !request.headers || /^(GET|HEAD)$/i.test(request.method || 'GET')) {
    return;
  }
  if (new URL(request.action || '', document.baseURI).origin === window.location.origin) {
    request.headers.RequestVerificationToken = token.value;
  }
});

enhanceConfirmations(document);
startRelativeTimes(document);
enhanceDisclosures(document);
enhancePrintButtons(document);
// Also for what htmx swaps in later (a composer refreshed after posting).
htmx.onLoad(enhanceFileInputs);
