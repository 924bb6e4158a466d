"""Checks of tap targets on a page, shared by the browser tests.

A finger needs about 44 × 44 CSS px (Apple's and the WCAG 2.5.5 figure). `SMALL_TARGETS` lists every
visible interactive element smaller than that, except text links inside running text (a link in a
sentence is as tall as the line it sits on) and the points of a chart (each has a larger hit circle
and its value is also in the chart's table). A checkbox or radio button is measured by its label,
which is what the finger taps. `TOUCHING` lists buttons in one row of actions closer than 8 px.
"""

from __future__ import annotations

SMALL_TARGETS = """(root) => {
  const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const inRunningText = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.parentElement.closest('p, li, dd, td, label, span.small, .small, figcaption');
    return block !== null && block.textContent.trim().length > el.textContent.trim().length;
  };
  const out = [];
  for (const el of root.querySelectorAll(interactive)) {
    if (el.closest('svg') || el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
    if (inRunningText(el)) continue;
    let box = el.getBoundingClientRect();
    if (el.type === 'checkbox' || el.type === 'radio') {
      const doc = root.ownerDocument;
      const label = el.closest('label') || (el.id && doc.querySelector(`label[for="${el.id}"]`));
      if (label) box = label.getBoundingClientRect();
    }
    if (box.width === 0 && box.height === 0) continue;
    if (box.width < 43.5 || box.height < 43.5) {
      const name = (el.getAttribute('aria-label') || el.textContent || el.name || el.type || '')
        .trim().slice(0, 40);
      out.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return out;
}"""

TOUCHING = """(root) => {
  const boxes = [...root.querySelectorAll('.actions > .button, .actions > button, .actions > form > button')]
    .map(e => [e.textContent.trim(), e.getBoundingClientRect()]);
  const out = [];
  for (const [a, ra] of boxes) for (const [b, rb] of boxes) {
    if (a >= b) continue;
    const dx = Math.max(ra.left - rb.right, rb.left - ra.right);
    const dy = Math.max(ra.top - rb.bottom, rb.top - ra.bottom);
    if (Math.max(dx, dy) < 8) out.push(`${a} / ${b}`);
  }
  return out;
}"""
