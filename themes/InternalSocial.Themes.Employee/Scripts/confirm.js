// `data-confirm="Really delete?"` on a form, or on a button or link, asks before going on.
export function enhanceConfirmations(root) {
  const ask = (element, event) => {
    const message = element.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  root.addEventListener('submit', event => {
    const form = event.target;
    // A button's own question wins over the form's, and is asked in the click handler below.
    const submitter = event.submitter;
    if (form instanceof HTMLFormElement && !(submitter && submitter.hasAttribute('data-confirm'))) {
      ask(form, event);
    }
  }, true);
  root.addEventListener('click', event => {
    const element = event.target instanceof Element ? event.target.closest('a[data-confirm], button[data-confirm]') : null;
    if (element) {
      ask(element, event);
    }
  }, true);
}
