/**
 * Scroll to an element of the actions and focus it, opening the <details> it is in. A script, not
 * a plain "#id" link: following a link would replace the address's fragment, which holds the
 * search (#zip=…), so the page could no longer be shared or reopened as it is.
 */
export function jumpTo(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  const details = el.closest('details');
  if (details) details.open = true;
  // The <details> with its summary in view, not the text box alone (its label and title above it).
  (details ?? el).scrollIntoView({ block: 'start' });
  if (!el.matches('textarea, a, button, input')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}
