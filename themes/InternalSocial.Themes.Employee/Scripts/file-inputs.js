// File pickers in the page's language: the browser writes its own control in the browser's language. The kernel's
// FileInputTagHelper puts the texts on each <input type="file">; here the input stays in place (focusable, labelled,
// clickable: it lies, transparent, over the drawn button) and the button and status show those texts.
export function enhanceFileInputs(root) {
  root.querySelectorAll('input[type=file][data-file-choose]').forEach(input => {
    if (input.closest('.file-picker')) {
      return;
    }
    const picker = document.createElement('span');
    picker.className = 'file-picker';
    const button = document.createElement('span');
    button.className = 'button file-picker-button';
    button.setAttribute('aria-hidden', 'true');
    button.textContent = input.dataset.fileChoose;
    const status = document.createElement('span');
    status.className = 'file-picker-status';
    status.setAttribute('aria-hidden', 'true');
    input.parentNode.insertBefore(picker, input);
    picker.append(button, status, input);
    input.classList.add('file-picker-input');
    const show = () => {
      const files = input.files ? Array.from(input.files) : [];
      status.textContent = files.length === 0 ? input.dataset.fileNone
        : files.length === 1 ? files[0].name
          : input.dataset.fileMany.replace('{0}', String(files.length));
    };
    input.addEventListener('change', show);
    // A form reset empties the input without a change event.
    if (input.form) {
      input.form.addEventListener('reset', () => setTimeout(show));
    }
    show();
  });
}
