// `<button data-disclosure="panel-id" aria-expanded="false" hidden>` shows and hides the element with that id (the
// bottom bar's "More" sheet, the phone's search field) by toggling its `is-open` class. The button is shown only
// here: without JavaScript the link beside it marked `data-disclosure-fallback` is used instead (to a page that does
// the same job). Opening moves the focus into the panel; Escape closes it and gives the focus back to the button;
// a click or the focus going elsewhere closes it.
export function enhanceDisclosures(root) {
  for (const button of root.querySelectorAll('button[data-disclosure]')) {
    const panel = document.getElementById(button.dataset.disclosure);
    if (!panel) {
      continue;
    }
    const fallback = button.parentElement && button.parentElement.querySelector('[data-disclosure-fallback]');
    if (fallback) {
      fallback.hidden = true;
    }
    button.hidden = false;

    const isOpen = () => button.getAttribute('aria-expanded') === 'true';
    const set = (open, focusButton) => {
      button.setAttribute('aria-expanded', String(open));
      panel.classList.toggle('is-open', open);
      if (open) {
        const first = panel.querySelector('input:not([type=hidden]), a[href], button:not([disabled])');
        if (first) {
          first.focus();
        }
      } else if (focusButton) {
        button.focus();
      }
    };

    button.addEventListener('click', () => set(!isOpen(), false));
    const closeOnEscape = event => {
      if (event.key === 'Escape' && isOpen()) {
        event.preventDefault();
        set(false, true);
      }
    };
    button.addEventListener('keydown', closeOnEscape);
    panel.addEventListener('keydown', closeOnEscape);
    document.addEventListener('click', event => {
      if (isOpen() && event.target instanceof Node && !panel.contains(event.target) && !button.contains(event.target)) {
        set(false, false);
      }
    });
    panel.addEventListener('focusout', event => {
      const next = event.relatedTarget;
      if (isOpen() && next instanceof Node && !panel.contains(next) && !button.contains(next)) {
        set(false, false);
      }
    });
  }
}

// `<button data-print hidden>` prints the page; hidden without JavaScript, which it needs.
export function enhancePrintButtons(root) {
  for (const button of root.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}
