// The model panel (#eams-tree): finds the model's elements by name; an item dragged onto the canvas
// (or chosen with Enter) adds a node showing that element. Elements already on the view are marked.
import { el } from '../dom.js';
import { call } from './http.js';
import { localName, typeLabel } from './notation.js';
import { existingElementShape } from './palette.js';

/** Builds the panel into `frame.tree`. Answers {refresh()}. */
export function buildTree(context) {
  const { diagram, state, urls, t, frame, messages } = context;
  const create = diagram.get('create');
  const factory = diagram.get('elementFactory');
  const registry = diagram.get('elementRegistry');
  const canvas = diagram.get('canvas');
  const modeling = diagram.get('modeling');
  const input = el('input', { id: 'eams-tree-search', type: 'search', autocomplete: 'off', placeholder: t('tree_search_placeholder'), 'aria-describedby': 'eams-tree-hint' });
  const list = el('ul', { class: 'eams-tree-list', role: 'list', 'aria-label': t('tree_results') });
  const hint = el('p', { id: 'eams-tree-hint', class: 'eams-tree-hint', text: t('tree_hint') });
  frame.tree.replaceChildren(el('h2', { text: t('tree') }), el('label', { for: 'eams-tree-search', text: t('tree_search') }), input, hint, list);
  let items = [];
  let abort = null;
  let timer = 0;

  const onView = () => new Set(registry.filter((e) => e.eams && e.eams.elementId).map((e) => e.eams.elementId));

  function addAtCentre(element) {
    const box = canvas.viewbox();
    const shape = existingElementShape(factory, state, element);
    modeling.createShape(shape, { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }, canvas.getRootElement());
    diagram.get('selection').select(shape);
    canvas.focus();
  }

  function render() {
    const shown = onView();
    list.replaceChildren(
      ...(items.length
        ? items.map((element) => {
            const info = state.notation.types[element.type] || {};
            const name = localName(element.name, element.nameEn, state.lang);
            const item = el(
              'li',
              {
                class: 'eams-tree-item',
                tabindex: '0',
                dataset: { elementId: element.id, onView: shown.has(element.id) ? 'true' : 'false' },
                title: shown.has(element.id) ? t('tree_on_view') : t('tree_drag'),
                'aria-label': `${name} (${typeLabel(state.notation, element.type, state.lang)})${shown.has(element.id) ? `, ${t('tree_on_view')}` : ''}`,
              },
              el('span', { class: 'eams-swatch', style: `background:${info.fill || '#fff'}`, 'aria-hidden': 'true' }),
              el('span', { class: 'eams-tree-text' }, el('span', { class: 'eams-tree-name', text: name }), el('br'), el('span', { class: 'eams-tree-type', text: typeLabel(state.notation, element.type, state.lang) })),
            );
            item.addEventListener('mousedown', (event) => {
              if (event.button !== 0) {
                return;
              }
              event.preventDefault();
              create.start(event, existingElementShape(factory, state, element));
            });
            item.addEventListener('keydown', (event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                addAtCentre(element);
              } else if (event.key === 'ArrowDown' && item.nextElementSibling) {
                event.preventDefault();
                item.nextElementSibling.focus();
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                (item.previousElementSibling || input).focus();
              }
            });
            return item;
          })
        : [el('li', { class: 'eams-tree-hint', text: t('tree_none') })]),
    );
  }

  async function search() {
    const q = input.value.trim();
    if (abort) {
      abort.abort();
    }
    abort = new AbortController();
    const params = new URLSearchParams({ limit: '50' });
    if (q) {
      params.set('name', q);
    }
    try {
      const answer = await call('GET', `${urls.elements}?${params}`, { signal: abort.signal });
      if (!answer.ok) {
        messages.show(t('tree_failed'), 'error');
        return;
      }
      items = (answer.data && answer.data.items) || [];
      render();
    } catch (e) {
      if (e.name !== 'AbortError') {
        throw e;
      }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && list.querySelector('.eams-tree-item')) {
      event.preventDefault();
      list.querySelector('.eams-tree-item').focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      search();
    }
  });
  const eventBus = diagram.get('eventBus');
  let markTimer = 0;
  eventBus.on(['commandStack.changed', 'eams.reloaded'], () => {
    clearTimeout(markTimer);
    markTimer = setTimeout(() => {
      const shown = onView();
      list.querySelectorAll('.eams-tree-item').forEach((item) => {
        item.dataset.onView = shown.has(item.dataset.elementId) ? 'true' : 'false';
      });
    }, 100);
  });
  search();
  return { refresh: search };
}
