// @ts-check
/**
 * Small enhancements that also serve the prerendered pages shipping no framework (facility pages):
 * copy buttons (`data-copy="<id>"` copies that element's value or text), an embed preview loaded
 * on opening (`details[data-preview]`), printing one letter (`data-print`), the mail link
 * following an edited letter, the member of Congress a call script or letter is for
 * (`select[data-fills]`, see src/lib/actions/scripts.ts), and absolute addresses in embed code
 * (`data-snippet`: a src or href that is a path, base path included, gets this site's origin).
 * Without JavaScript the texts can still be selected, edited and mailed; buttons and choices that
 * need it stay hidden. Listeners on the document cover
 * content rendered later (on /near).
 */
(() => {
  const w = /** @type {any} */ (window);
  if (w.__enhanced) return;
  w.__enhanced = true;

  // A path at the start, after a space or after =" is one of ours: "/embed/…", "…, /facilities/…#chart-…".
  const RELATIVE = /(^|\s|=")\/(?=[\w-])/g;
  const absolute = (/** @type {string} */ s) => s.replace(RELATIVE, `$1${location.origin}/`);
  const hasRelative = (/** @type {string} */ s) => new RegExp(RELATIVE.source).test(s);
  /** The letter's mail link carries its text as it now reads. @param {HTMLTextAreaElement} t */
  const mailFrom = (t) => {
    const mail = t.closest('[data-letter]')?.querySelector('a[data-mail]');
    if (mail) mail.setAttribute('href', `mailto:${t.dataset.email ?? ''}?subject=${encodeURIComponent(t.dataset.subject ?? '')}&body=${encodeURIComponent(t.value)}`);
  };

  /**
   * The members' call script and letter are rendered once, naming `data-name` (the placeholder)
   * where the member goes: put the chosen member's name there, and keep `data-name` as the name
   * the text now says, so another choice replaces it (and the reader's own edits stay).
   * @param {HTMLSelectElement} select
   */
  const fillMember = (select) => {
    const text = document.getElementById(select.dataset.fills ?? '');
    if (!(text instanceof HTMLTextAreaElement)) return;
    const [from, to] = [text.dataset.name ?? '', select.value];
    if (!from || !to || from === to) return;
    text.value = text.value.split(from).join(to);
    text.dataset.name = to;
    mailFrom(text);
  };

  const pass = () => {
    document.querySelectorAll('button[hidden][data-copy], button[hidden][data-print], [hidden][data-member-choice]').forEach((b) => b.removeAttribute('hidden'));
    document.querySelectorAll('[data-member-hint]:not([hidden])').forEach((p) => p.setAttribute('hidden', ''));
    document.querySelectorAll('select[data-fills]').forEach((s) => fillMember(/** @type {HTMLSelectElement} */ (s)));
    document.querySelectorAll('[data-snippet]').forEach((el) => {
      if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
        if (hasRelative(el.value)) el.value = absolute(el.value);
      } else if (el.textContent && hasRelative(el.textContent)) el.textContent = absolute(el.textContent);
    });
  };
  const start = () => {
    pass();
    new MutationObserver(pass).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  // "Embed and cite": the phone-width preview loads only when the panel is opened.
  document.addEventListener(
    'toggle',
    (e) => {
      const d = e.target;
      if (!(d instanceof HTMLDetailsElement) || !d.open || !d.dataset.preview) return;
      const slot = d.querySelector('.preview-slot');
      if (!slot || slot.querySelector('iframe')) return;
      const f = document.createElement('iframe');
      f.className = 'preview';
      f.src = d.dataset.preview;
      f.title = d.dataset.previewTitle ?? 'Preview';
      f.width = '320';
      f.height = '480';
      slot.append(f);
    },
    true,
  );

  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLTextAreaElement) mailFrom(e.target);
  });
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement && e.target.dataset.fills) fillMember(e.target);
  });

  /** @param {Element} b @param {string} text */
  const say = (b, text) => {
    const status = b.parentElement?.querySelector('[role=status]');
    if (!status) return;
    status.textContent = text;
    setTimeout(() => (status.textContent = ''), 4000);
  };

  document.addEventListener('click', async (e) => {
    const b = /** @type {HTMLElement} */ (e.target).closest('button[data-copy], button[data-print]');
    if (!b) return;
    if (b.hasAttribute('data-copy')) {
      const target = document.getElementById(b.getAttribute('data-copy') ?? '');
      if (!target) return;
      const text = target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement ? target.value : (target.textContent ?? '');
      try {
        await navigator.clipboard.writeText(text);
        say(b, 'Copied.');
      } catch {
        if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) target.select();
        say(b, 'Press Ctrl+C (⌘C on a Mac) to copy.');
      }
    } else {
      // Print only this letter: the panel's print styles hide everything else while the class is set.
      const box = b.closest('[data-letter]');
      if (!box) return;
      // A textarea prints only its visible rows: print the whole text from a copy.
      const copy = document.createElement('div');
      copy.className = 'print-copy';
      copy.textContent = box.querySelector('textarea')?.value ?? '';
      box.append(copy);
      box.classList.add('print-me');
      document.body.classList.add('printing-letter');
      window.addEventListener(
        'afterprint',
        () => {
          copy.remove();
          box.classList.remove('print-me');
          document.body.classList.remove('printing-letter');
        },
        { once: true },
      );
      window.print();
    }
  });
})();
