// The page frame around the canvas (toolbar, side panels, the message line) and the small dialogs
// of the modeller: messages, confirmation, choice lists. Texts come from the page's message bundle.
import { el, format } from '../dom.js';

/** A text of the bundle by key, with {0}… replaced; the key itself when the bundle lacks it. */
export function textOf(texts, key, ...args) {
  const pattern = texts[key];
  return format(pattern === undefined ? key : pattern, ...args);
}

/**
 * Builds the frame around `#eams-diagram`: toolbar, model tree and properties panels (editor only),
 * presence list and the message line. Answers the parts; existing parts of the page are kept.
 */
export function buildFrame(container, mode, t) {
  const frame = el('div', { class: `eams-frame eams-mode-${mode}` });
  container.parentNode.insertBefore(frame, container);
  const toolbar = document.getElementById('eams-toolbar') || el('div', { id: 'eams-toolbar', role: 'toolbar', 'aria-label': t('toolbar') });
  const presence = document.getElementById('eams-presence') || el('ul', { id: 'eams-presence', 'aria-label': t('presence') });
  const message = document.querySelector('.eams-message') || el('div', { class: 'eams-message', role: 'status', 'aria-live': 'polite' });
  const top = el('div', { class: 'eams-top' }, toolbar, presence);
  const body = el('div', { class: 'eams-body' });
  frame.append(top, message, body);
  let tree = null;
  let properties = null;
  if (mode === 'edit') {
    tree = document.getElementById('eams-tree') || el('aside', { id: 'eams-tree', 'aria-label': t('tree') });
    properties = document.getElementById('eams-properties') || el('aside', { id: 'eams-properties', 'aria-label': t('properties') });
    body.append(tree, container, properties);
  } else {
    body.append(container);
  }
  container.classList.add('eams-canvas');
  return { frame, toolbar, presence, message, tree, properties, canvasHost: container, body };
}

/**
 * Keeps the canvas row as tall as the window leaves below its top (at least 420 pixels); `onResize`
 * runs after each change.
 */
export function fitHeight(body, onResize) {
  const apply = () => {
    const top = body.getBoundingClientRect().top + window.scrollY;
    const height = Math.max(420, Math.floor(window.innerHeight - top - 16));
    if (body.style.height !== `${height}px`) {
      body.style.height = `${height}px`;
      onResize();
    }
  };
  let frame = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(apply);
  });
  apply();
}

/** Shows messages in the single live region; errors stay until the next message, notes fade. */
export function createMessages(region, t) {
  let timer = 0;
  return {
    /** Shows `text`; kind 'error' | 'warning' | 'info'. */
    show(text, kind = 'info') {
      clearTimeout(timer);
      region.replaceChildren(
        el('span', { text }),
        el('button', { type: 'button', class: 'eams-message-close', 'aria-label': t('close'), text: '×', onclick: () => this.clear() }),
      );
      region.dataset.kind = kind;
      region.hidden = false;
      if (kind === 'info') {
        timer = setTimeout(() => this.clear(), 6000);
      }
    },
    clear() {
      clearTimeout(timer);
      region.replaceChildren();
      region.hidden = true;
      delete region.dataset.kind;
    },
  };
}

/** Focusable elements inside a node, in order. */
function focusables(node) {
  return [...node.querySelectorAll('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')].filter(
    (n) => !n.disabled && !n.hidden,
  );
}

/**
 * Opens a modal dialog (role=dialog) with a heading, body nodes and buttons; Tab stays inside,
 * Escape runs `onEscape`. Answers {node, close()}; closing gives focus back to where it was.
 */
export function openDialog({ className, title, body, buttons, onEscape }) {
  const before = document.activeElement;
  const headingId = `eams-dialog-${Math.random().toString(36).slice(2)}`;
  const panel = el(
    'div',
    { class: `eams-dialog ${className || ''}`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': headingId },
    el('h2', { id: headingId, text: title }),
    el('div', { class: 'eams-dialog-body' }, body),
    el('div', { class: 'eams-dialog-buttons' }, buttons),
  );
  const backdrop = el('div', { class: 'eams-backdrop' }, panel);
  const close = () => {
    backdrop.remove();
    if (before && before.isConnected && typeof before.focus === 'function') {
      before.focus({ preventScroll: true });
    }
  };
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (onEscape) {
        onEscape();
      }
    } else if (event.key === 'Tab') {
      const items = focusables(panel);
      if (!items.length) {
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  document.body.append(backdrop);
  const first = focusables(panel.querySelector('.eams-dialog-buttons'))[0] || focusables(panel)[0];
  if (first) {
    first.focus();
  }
  return { node: panel, close };
}

/** Asks a yes/no question; resolves true when confirmed. */
export function confirmDialog(t, { title, body, confirmLabel, danger }) {
  return new Promise((resolve) => {
    let dialog = null;
    const done = (answer) => {
      dialog.close();
      resolve(answer);
    };
    dialog = openDialog({
      className: 'eams-confirm',
      title,
      body,
      onEscape: () => done(false),
      buttons: [
        el('button', { type: 'button', class: 'eams-cancel', text: t('cancel'), onclick: () => done(false) }),
        el('button', { type: 'button', class: danger ? 'eams-danger' : 'eams-primary', text: confirmLabel, onclick: () => done(true) }),
      ],
    });
    // the safe choice first
    dialog.node.querySelector('.eams-cancel').focus();
  });
}

/**
 * A small popup at page position (x, y) listing choices as buttons (button[data-type]); resolves the
 * chosen value, or null on Escape / click outside.
 */
export function choose({ className, title, x, y, choices }) {
  return new Promise((resolve) => {
    const before = document.activeElement;
    const list = el('ul', { role: 'list' });
    const popup = el('div', { class: `eams-popup ${className}`, role: 'dialog', 'aria-label': title }, el('p', { class: 'eams-popup-title', text: title }), list);
    let settled = false;
    const finish = (value) => {
      if (settled) {
        return;
      }
      settled = true;
      popup.remove();
      document.removeEventListener('mousedown', outside, true);
      if (before && before.isConnected && typeof before.focus === 'function') {
        before.focus({ preventScroll: true });
      }
      resolve(value);
    };
    const outside = (event) => {
      if (!popup.contains(event.target)) {
        finish(null);
      }
    };
    for (const choice of choices) {
      list.append(
        el(
          'li',
          {},
          el('button', { type: 'button', dataset: { type: choice.value }, title: choice.hint || null, onclick: () => finish(choice.value) }, choice.icon || null, el('span', { text: choice.label })),
        ),
      );
    }
    popup.addEventListener('keydown', (event) => {
      const buttons = [...list.querySelectorAll('button')];
      const i = buttons.indexOf(document.activeElement);
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        finish(null);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = event.key === 'ArrowDown' ? (i + 1) % buttons.length : (i - 1 + buttons.length) % buttons.length;
        buttons[next].focus();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        buttons[(i + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length].focus();
      }
    });
    document.body.append(popup);
    const rect = popup.getBoundingClientRect();
    const left = Math.max(4, Math.min(x, window.innerWidth - rect.width - 8));
    const top = Math.max(4, Math.min(y, window.innerHeight - rect.height - 8));
    popup.style.left = `${left + window.scrollX}px`;
    popup.style.top = `${top + window.scrollY}px`;
    setTimeout(() => document.addEventListener('mousedown', outside, true), 0);
    const first = list.querySelector('button');
    if (first) {
      first.focus();
    }
  });
}

/**
 * A conflict dialog (.eams-conflict): what changed, field by field, yours and theirs (`rows` of
 * {what, field, mine, theirs}), with #eams-conflict-theirs and #eams-conflict-mine; Escape keeps
 * theirs. Answers {close()}.
 */
export function conflictDialog(t, rows, { keepTheirs, keepMine }) {
  return openDialog({
    className: 'eams-conflict',
    title: t('conflict_title'),
    body: [
      el('p', { text: t('conflict_text') }),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', { text: t('conflict_object') }), el('th', { text: t('conflict_field') }), el('th', { text: t('conflict_mine') }), el('th', { text: t('conflict_theirs') }))),
        el('tbody', {}, rows.map((r) => el('tr', {}, el('td', { text: r.what }), el('td', { text: r.field }), el('td', { text: r.mine }), el('td', { text: r.theirs })))),
      ),
    ],
    onEscape: keepTheirs,
    buttons: [
      el('button', { type: 'button', id: 'eams-conflict-theirs', text: t('conflict_keep_theirs'), onclick: keepTheirs }),
      el('button', { type: 'button', id: 'eams-conflict-mine', class: 'eams-primary', text: t('conflict_keep_mine'), onclick: keepMine }),
    ],
  });
}
