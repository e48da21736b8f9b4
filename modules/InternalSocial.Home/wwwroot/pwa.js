// Registers the tenant's service worker (its address is on the script tag), so the site can be installed and shows
// an offline page without network.
(function () {
  var script = document.currentScript;
  if ('serviceWorker' in navigator && script && script.dataset.worker) {
    navigator.serviceWorker.register(script.dataset.worker, { scope: script.dataset.scope }).catch(function () { });
  }
})();
