// Every control's state lives in the URL query, so a copied link reopens the
// same view. Read the initial value from the URL, write it back on change.

/** The value of `key` in the current URL, or `fallback`. */
export function fromUrl(key, fallback) {
  const v = new URLSearchParams(location.search).get(key);
  return v === null ? fallback : v;
}

/** Writes `key=value` into the URL without reloading (history.replaceState). */
export function toUrl(key, value) {
  const url = new URL(location.href);
  if (value === null || value === undefined || value === "") url.searchParams.delete(key);
  else url.searchParams.set(key, String(value));
  history.replaceState(history.state, "", url);
}

/**
 * Binds an Observable input to a URL parameter: the input starts from the URL
 * (if the value is allowed) and every change is written back.
 */
export function bindUrl(input, key, {parse = (s) => s, format = (v) => v} = {}) {
  input.addEventListener("input", () => toUrl(key, format(input.value)));
  return input;
}
