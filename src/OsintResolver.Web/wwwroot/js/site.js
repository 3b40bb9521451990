// Shared helpers for the page scripts. No inline script anywhere: the CSP forbids it.

/** The antiforgery token the layout puts in a meta tag; sent on every state-changing API call. */
export function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') : '';
}

/** fetch() for our JSON API: same-origin cookie, antiforgery header on writes, errors as exceptions. */
export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set('Accept', 'application/json');
  if (options.method && options.method !== 'GET') {
    headers.set('RequestVerificationToken', csrfToken());
    if (options.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.status === 204 ? null : response.json();
}
