// Writes an impact result into the page: the summary, the table and the explanation ("why").
import { el, elementHref, format, nameOf } from './dom.js';
import { chain, groups } from './result.js';

function typeLabel(config, element) {
  const type = config.types[element.type];
  const label = type ? type.label : element.type || '';
  const spec = element.specialization && config.specializations[element.specialization];
  return spec ? `${label} · ${spec}` : label;
}

function counts(config, map, label) {
  return Object.entries(map || {}).map(([key, n]) => format(config.texts.count, label(key), n)).join('; ');
}

/** The summary counts as a definition list. */
export function renderSummary(dl, config, response) {
  const t = config.texts;
  const s = response.summary || {};
  const rows = [
    [t.sum_elements, s.elements],
    [t.sum_potential, s.potential],
    [t.sum_agencies, s.agencies],
    [t.sum_public_services, s.publicServices],
    [t.sum_applications, s.applications],
    [t.sum_databases, s.databases],
    [t.sum_by_layer, counts(config, s.byLayer, (k) => config.layers[k] || k)],
    [t.sum_by_distance, counts(config, s.byDistance, (k) => k)],
  ];
  dl.replaceChildren(
    ...rows
      .filter(([, value]) => value !== undefined && value !== '')
      .flatMap(([label, value]) => [el('dt', { text: label }), el('dd', { text: String(value) })]),
  );
}

/** The derivation rules applied, each named once. */
function ruleList(rules) {
  return [...new Set(rules)].join(', ');
}

function derivedText(config, derived) {
  if (!derived) {
    return '';
  }
  const label = config.relationships[derived.type] || derived.type;
  const potential = derived.potential ? ` (${config.texts.potential})` : '';
  const rules = derived.rules && derived.rules.length ? ` — ${ruleList(derived.rules)}` : '';
  return `${label}${potential}${rules}`;
}

/** The table: one row group per layer and distance, rows in the API's order. */
export function renderTable(table, config, index, onWhy) {
  const t = config.texts;
  table.querySelectorAll('tbody').forEach((b) => b.remove());
  for (const group of groups(index)) {
    const body = el(
      'tbody',
      {},
      el(
        'tr',
        { class: 'group' },
        el('th', {
          scope: 'rowgroup',
          colspan: '5',
          text: format(t.group, config.layers[group.layer] || group.layer, group.distance, group.elements.length),
        }),
      ),
    );
    for (const e of group.elements) {
      const name = nameOf(e, config.lang);
      const why = () => onWhy(e.id);
      const row = el(
        'tr',
        { dataset: { id: e.id }, class: e.potential ? 'potential' : undefined },
        el(
          'td',
          {},
          el('a', { href: elementHref(config.modelId, e.id), text: name }),
          e.potential ? el('span', { class: 'badge', text: t.potential }) : null,
        ),
        el('td', { text: typeLabel(config, e) }),
        el('td', { class: 'num', text: String(e.distance) }),
        el('td', { text: derivedText(config, e.derived) }),
        el(
          'td',
          {},
          el('button', {
            type: 'button',
            class: 'why-button',
            'aria-label': format(t.why_button_label, name),
            text: t.why_button,
            onclick: why,
          }),
        ),
      );
      // the whole row explains, except its link and button
      row.addEventListener('click', (event) => {
        if (!event.target.closest('a, button')) {
          why();
        }
      });
      body.append(row);
    }
    table.append(body);
  }
}

function chainNodes(config, parts) {
  return parts.map((p) => {
    if (p.relationship) {
      const label = config.relationships[p.type] || p.type;
      return el('span', { class: 'rel', text: p.forward ? ` —${label}→ ` : ` ←${label}— ` });
    }
    return el('a', { href: elementHref(config.modelId, p.id), text: nameOf(p, config.lang) });
  });
}

/**
 * The explanation of one element in the "why" panel: the chain from a start element to it
 * (A —Realization→ B —Serving→ C), and the derived relationship the chain amounts to.
 * Answers the ids of the chain's elements and relationships, for the graph to highlight.
 */
export function renderWhy(panel, config, index, id) {
  const t = config.texts;
  const element = index.known.get(id) || { id };
  const name = nameOf(element, config.lang);
  const parts = chain(index, id);
  panel.querySelector('h3').textContent = format(t.why_title, name);
  const chainParagraph = panel.querySelector('.chain');
  const derivedParagraph = panel.querySelector('p:not(.chain)');
  if (element.start && !element.listed) {
    chainParagraph.replaceChildren(format(t.why_start, name));
    derivedParagraph.replaceChildren();
  } else {
    chainParagraph.replaceChildren(...chainNodes(config, parts));
    const lines = [];
    if (element.potential) {
      lines.push(t.why_potential);
    }
    const d = element.derived;
    if (d) {
      const label = config.relationships[d.type] || d.type;
      // between the start element and this one, or from a later element of the chain
      const statement =
        d.source && d.target
          ? `${nameOf(index.known.get(d.source) || { id: d.source }, config.lang)} —${label}→ ${nameOf(index.known.get(d.target) || { id: d.target }, config.lang)}`
          : label;
      let text = format(d.potential ? t.derived_potential : t.derived, statement);
      if (d.rules && d.rules.length) {
        text += ` (${format(t.rules, ruleList(d.rules))})`;
      }
      lines.push(text);
    }
    derivedParagraph.replaceChildren(lines.join(' '));
  }
  panel.hidden = false;
  return {
    nodes: parts.filter((p) => !p.relationship).map((p) => p.id),
    relationships: parts.filter((p) => p.relationship).map((p) => p.relationship),
  };
}
