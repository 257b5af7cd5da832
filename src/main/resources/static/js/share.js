// Copy buttons on the earner's credential page: the Clipboard API where the browser allows it, otherwise the text
// is selected in its field so that the earner can copy it by hand.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy-target]');
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  let copied = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    }
  } catch (e) {
    copied = false;
  }
  if (!copied) {
    field.focus();
    field.select();
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
  }
  if (status) {
    status.textContent = copied ? 'Copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.';
  }
});
