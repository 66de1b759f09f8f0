// The toolbar above the canvas (#eams-toolbar): undo, redo, auto-layout and delete from the model
// in the editor; fit, zoom and export everywhere. Buttons are real buttons with labels from the
// bundle; arrow keys move between them (one tab stop for the whole toolbar).
import { el } from '../dom.js';
import { exportPng, exportSvg } from './export.js';
import { localName } from './notation.js';

const TRASH = '<svg width="14" height="14" viewBox="0 0 14 14" fill="none" stroke="currentColor" stroke-width="1.3"><path d="M2 3.5h10M5.5 3.5V2h3v1.5M3.5 3.5l.7 8.5h5.6l.7-8.5M6 6v4M8 6v4"/></svg>';

function button(id, glyph, label, onclick) {
  const mark = el('span', { class: 'eams-glyph', 'aria-hidden': 'true' });
  if (glyph.startsWith('<svg')) {
    mark.innerHTML = glyph;
  } else {
    mark.textContent = glyph;
  }
  return el('button', { type: 'button', id, class: 'eams-tool', title: label, 'aria-label': label, onclick }, mark, el('span', { class: 'eams-tool-label', text: label }));
}

/** Roving focus: one tab stop, arrows move between the buttons. */
function roving(toolbar) {
  const buttons = () => [...toolbar.querySelectorAll('button')].filter((b) => !b.hidden);
  const focusAt = (i) => {
    const list = buttons();
    list.forEach((b, j) => b.setAttribute('tabindex', j === i ? '0' : '-1'));
    list[i].focus();
  };
  buttons().forEach((b, j) => b.setAttribute('tabindex', j === 0 ? '0' : '-1'));
  toolbar.addEventListener('keydown', (event) => {
    const list = buttons();
    const i = list.indexOf(document.activeElement);
    if (i < 0) {
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      focusAt((i + 1) % list.length);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusAt((i - 1 + list.length) % list.length);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusAt(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusAt(list.length - 1);
    }
  });
}

/**
 * Fills the toolbar. `context.actions` (set by the editor) runs undo, redo, layout and delete; the
 * viewer has only fit, zoom and export.
 */
export function buildToolbar(context, editor) {
  const { diagram, state, t, frame, messages } = context;
  const canvas = diagram.get('canvas');
  context.actions = context.actions || {};
  const run = (name) => () => context.actions[name] && context.actions[name]();
  const viewName = () => localName(state.view.name, state.view.nameEn, state.lang) || state.view.id;
  const zoomBy = (factor) => {
    const current = canvas.zoom();
    canvas.zoom(Math.max(0.1, Math.min(4, current * factor)), 'auto');
  };
  const items = [];
  if (editor) {
    items.push(
      button('eams-undo', '↶', t('undo'), run('undo')),
      button('eams-redo', '↷', t('redo'), run('redo')),
      el('span', { class: 'eams-sep', 'aria-hidden': 'true' }),
      button('eams-layout', '⊞', t('layout'), run('layout')),
      button('eams-align', '⇹', t('align'), (event) => context.actions.align && context.actions.align(event.currentTarget)),
    );
  }
  items.push(
    button('eams-fit', '⤢', t('fit'), () => canvas.zoom('fit-viewport', 'auto')),
    button('eams-zoom-in', '+', t('zoom_in'), () => zoomBy(1.2)),
    button('eams-zoom-out', '−', t('zoom_out'), () => zoomBy(1 / 1.2)),
    el('span', { class: 'eams-sep', 'aria-hidden': 'true' }),
    button('eams-export-svg', '⇩', t('export_svg'), () => exportSvg(diagram, state, viewName())),
    button('eams-export-png', '⇩', t('export_png'), () =>
      exportPng(diagram, state, viewName()).catch(() => messages.show(t('export_failed'), 'error')),
    ),
  );
  if (editor) {
    items.push(
      el('span', { class: 'eams-sep', 'aria-hidden': 'true' }),
      button('eams-delete-from-model', TRASH, t('delete_from_model'), run('deleteFromModel')),
    );
  }
  frame.toolbar.replaceChildren(...items);
  roving(frame.toolbar);
}
