// Keyboard shortcuts for the review queue: each key presses the button or link that carries it
// (data-key), so a shortcut does exactly what a click does, antiforgery token included.
const keys = new Map();
for (const el of document.querySelectorAll('[data-key]')) {
  keys.set(el.dataset.key, el);
}

let busy = false;
document.addEventListener('keydown', event => {
  if (busy || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
  const el = keys.get(event.key.toLowerCase());
  if (!el) return;
  event.preventDefault();
  busy = true; // one decision per page: a held key must not judge twice
  el.click();
});
document.body.dataset.reviewKeys = 'ready';
