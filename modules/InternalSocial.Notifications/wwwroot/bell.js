// Keeps the bell's unread count current: the server pushes the person's new count on /hubs/notifications (only a
// number, never content). Without the SignalR client (window.signalR, loaded by the theme) the bell stays as rendered.
(() => {
  const bell = document.querySelector('.notification-bell[data-hub]');
  if (!bell || !window.signalR) {
    return;
  }

  const count = bell.querySelector('.notification-count');
  const show = (unread) => {
    count.dataset.unread = String(unread);
    count.textContent = unread > 99 ? '99+' : new Intl.NumberFormat(document.documentElement.lang).format(unread);
    count.hidden = unread === 0;
    // The singular or plural of the reader's language (French: 1 "non lue", 2 "non lues").
    const one = new Intl.PluralRules(document.documentElement.lang).select(unread) === 'one';
    const label = unread === 0 ? bell.dataset.labelNone : (one ? bell.dataset.labelOne : bell.dataset.labelSome);
    bell.setAttribute('aria-label', label.replace('{0}', String(unread)));
  };

  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl(bell.dataset.hub)
    .withAutomaticReconnect()
    .build();
  connection.on('unread', show);
  connection.start().catch(() => { /* The page works without the live count. */ });
})();
