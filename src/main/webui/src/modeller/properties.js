// The properties panel (#eams-properties) of the selected element, relationship, group or note, or
// of the view when nothing is selected. Model content (names, documentation, typed profile
// properties) is saved on change through PATCH with If-Match; a group's or note's label is a view
// edit (an undoable command). The server's messages appear beside the fields they concern.
import { el } from '../dom.js';
import { call, problemText } from './http.js';
import { localName, typeLabel } from './notation.js';
import { conflictDialog } from './ui.js';

function fieldId(key) {
  return `eams-prop-${key}`;
}

/** The value of a typed property input as JSON (null when emptied). */
function readValue(input, type) {
  if (type === 'boolean') {
    return input.checked;
  }
  const raw = input.value.trim();
  if (raw === '') {
    return null;
  }
  if (type === 'integer' && /^-?\d+$/.test(raw)) {
    return Number(raw);
  }
  if (type === 'decimal' && /^-?\d+(\.\d+)?$/.test(raw)) {
    return Number(raw);
  }
  return raw;
}

/** The input for a typed property definition {name, type, required, constraint, labelVi, labelEn}. */
function typedInput(def, value) {
  const id = fieldId(`p-${def.name}`);
  const common = { id, dataset: { property: def.name }, 'aria-required': def.required ? 'true' : null };
  const constraint = def.constraint && def.constraint !== '-' ? def.constraint : '';
  if (def.type === 'enum') {
    const values = constraint.split('|').map((v) => v.trim()).filter(Boolean);
    return el(
      'select',
      common,
      el('option', { value: '', text: '—' }),
      values.map((v) => el('option', { value: v, text: v, selected: String(value) === v })),
    );
  }
  if (def.type === 'boolean') {
    return el('input', { ...common, type: 'checkbox', checked: value === true || value === 'true' });
  }
  if (def.type === 'text') {
    const area = el('textarea', { ...common, maxlength: /^\.\.\d+$/.test(constraint) ? constraint.slice(2) : null });
    area.value = value === undefined || value === null ? '' : String(value);
    return area;
  }
  const attrs = { ...common, value: value === undefined || value === null ? '' : String(value) };
  if (def.type === 'integer' || def.type === 'decimal') {
    attrs.type = 'number';
    attrs.step = def.type === 'integer' ? '1' : 'any';
    const [min, max] = constraint.includes('..') ? constraint.split('..') : ['', ''];
    attrs.min = min || null;
    attrs.max = max || null;
  } else if (def.type === 'date') {
    attrs.type = 'date';
  } else if (def.type === 'url') {
    attrs.type = 'url';
  } else if (def.type === 'element') {
    attrs.type = 'text';
    attrs.list = `${id}-choices`;
    attrs.dataset = { ...attrs.dataset, elementTypes: constraint.replace(/\|/g, ',') };
  } else {
    attrs.type = 'text';
    if (/^\.\.\d+$/.test(constraint)) {
      attrs.maxlength = constraint.slice(2);
    }
  }
  return el('input', attrs);
}

/** Builds the panel; it follows the selection and live changes. */
export function buildProperties(context) {
  const { diagram, state, urls, t, frame, metamodel, messages } = context;
  const panel = frame.properties;
  const selection = diagram.get('selection');
  const eventBus = diagram.get('eventBus');
  const registry = diagram.get('elementRegistry');
  let target = null; // {kind: view|element|relationship|node, id, shape}

  function heading(text, sub) {
    return sub ? [el('h2', { text }), el('p', { class: 'eams-prop-type', text: sub })] : [el('h2', { text })];
  }

  function field(key, label, input, help) {
    input.id = input.id || fieldId(key);
    const error = el('p', { class: 'eams-field-error', id: `${input.id}-error`, hidden: true, role: 'alert' });
    input.setAttribute('aria-describedby', error.id);
    return el('div', { class: 'eams-prop-field', dataset: { key } }, el('label', { for: input.id, text: label, class: help && help.required ? 'eams-required' : null }), input, error);
  }

  function showErrors(problem) {
    panel.querySelectorAll('.eams-field-error').forEach((p) => {
      p.hidden = true;
      p.textContent = '';
    });
    panel.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
    const errors = (problem && problem.errors) || [];
    let shown = false;
    for (const e of errors) {
      const path = String(e.field || '').replace(/^(profile|properties)[.[]/, '').replace(/[\]"']/g, '');
      const input =
        panel.querySelector(`[data-property="${CSS.escape(path)}"]`) ||
        (path === 'name' && panel.querySelector('#eams-prop-name')) ||
        (path === 'nameEn' && panel.querySelector('#eams-prop-name-en')) ||
        (path === 'documentation' && panel.querySelector('#eams-prop-documentation')) ||
        (path === 'viewpoint' && panel.querySelector('#eams-prop-viewpoint'));
      if (input) {
        const box = panel.querySelector(`#${CSS.escape(input.id)}-error`);
        box.textContent = e.message || problemText(problem);
        box.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        shown = true;
      }
    }
    if (!shown && problem) {
      messages.show(t('save_refused', problemText(problem)), 'error');
    }
  }

  /**
   * PATCH a concept (element or relationship) with If-Match = the version the form was filled from
   * (not a newer one the change stream brought meanwhile: that would overwrite someone else's change
   * unseen). A concurrent change to other fields is merged; one to the same fields opens the conflict
   * dialog, where the user keeps theirs or applies theirs over it.
   */
  async function patchConcept(kind, id, patch, base) {
    const map = kind === 'element' ? state.elements : state.relationships;
    const url = kind === 'element' ? urls.element(id) : urls.relationship(id);
    const current = map.get(id);
    const from = base && base.version ? base.version : current && current.version;
    let answer = await call('PATCH', url, { body: patch, ifMatch: from });
    if (answer.status === 409) {
      const fresh = answer.problem && answer.problem.current && answer.problem.current.id === id ? { ok: true, data: answer.problem.current } : await call('GET', url);
      if (fresh.ok && fresh.data) {
        map.set(id, fresh.data);
        const clashing = Object.keys(patch).filter((k) => JSON.stringify(fresh.data[k]) !== JSON.stringify(base[k]));
        if (clashing.length && !(await keepMine(kind, id, patch, fresh.data, clashing))) {
          remoteRedraw(kind, id);
          render();
          return null;
        }
        answer = await call('PATCH', url, { body: patch, ifMatch: fresh.data.version });
      }
    }
    if (answer.ok && answer.data) {
      map.set(id, answer.data);
      showErrors(null);
      remoteRedraw(kind, id);
      return answer.data;
    }
    if (answer.status === 0) {
      messages.show(t('offline_property'), 'error');
      return null;
    }
    showErrors(answer.problem);
    return null;
  }

  /** The conflict dialog of a property change: field by field, yours and theirs. Resolves true for yours. */
  function keepMine(kind, id, patch, theirs, fields) {
    const show = (v) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    const labels = { name: 'prop_name', nameEn: 'prop_name_en', documentation: 'prop_documentation', profile: 'prop_profile', specialization: 'prop_specialization' };
    const label = (k) => (labels[k] ? t(labels[k]) : k);
    const what = localName(theirs.name, theirs.nameEn, state.lang) || id;
    return new Promise((resolve) => {
      let dialog = null;
      const done = (mine) => {
        dialog.close();
        resolve(mine);
      };
      dialog = conflictDialog(
        t,
        fields.map((k) => ({ what, field: label(k), mine: show(patch[k]), theirs: show(theirs[k]) })),
        { keepTheirs: () => done(false), keepMine: () => done(true) },
      );
    });
  }

  function remoteRedraw(kind, id) {
    const shapes = registry.filter((e) => e.eams && (kind === 'element' ? e.eams.elementId === id : e.eams.relationshipId === id));
    if (shapes.length) {
      eventBus.fire('elements.changed', { elements: shapes });
    }
  }

  function onChange(input, save) {
    input.addEventListener('change', () => save(input));
    // a message about the value goes as soon as the user changes it
    input.addEventListener('input', () => {
      const box = input.id && panel.querySelector(`#${CSS.escape(input.id)}-error`);
      if (box) {
        box.textContent = '';
        box.hidden = true;
      }
      input.removeAttribute('aria-invalid');
    });
    if (input.tagName === 'INPUT' && input.type !== 'checkbox') {
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          input.blur();
        }
      });
    }
  }

  /** The attributes of Access (access type), Influence (strength) and Association (directed). */
  function relationshipAttributes(r, save) {
    if (r.type === 'Access') {
      const select = el(
        'select',
        { id: 'eams-prop-access-type' },
        el('option', { value: '', text: '—' }),
        ['Write', 'Read', 'Access', 'ReadWrite'].map((v) => el('option', { value: v, text: t(`access_${v.toLowerCase()}`), selected: r.accessType === v })),
      );
      onChange(select, () => save({ accessType: select.value }));
      return [field('access-type', t('prop_access_type'), select)];
    }
    if (r.type === 'Influence') {
      const input = el('input', { type: 'text', id: 'eams-prop-influence-strength', maxlength: '32', value: r.influenceStrength || '' });
      onChange(input, () => save({ influenceStrength: input.value.trim() }));
      return [field('influence-strength', t('prop_influence_strength'), input)];
    }
    if (r.type === 'Association') {
      const box = el('input', { type: 'checkbox', id: 'eams-prop-directed', checked: Boolean(r.isDirected) });
      onChange(box, () => save({ isDirected: box.checked }));
      return [field('directed', t('prop_directed'), box)];
    }
    return [];
  }

  /** The elements an element-typed property may name (ids, with names shown), read on first focus. */
  function elementChoices(input) {
    const list = el('datalist', { id: input.getAttribute('list') });
    input.addEventListener(
      'focus',
      async () => {
        const params = new URLSearchParams({ limit: '200' });
        if (input.dataset.elementTypes) {
          params.set('type', input.dataset.elementTypes);
        }
        const answer = await call('GET', `${urls.elements}?${params}`);
        const items = (answer.ok && answer.data && answer.data.items) || [];
        list.replaceChildren(...items.map((e) => el('option', { value: e.id, label: localName(e.name, e.nameEn, state.lang) })));
      },
      { once: true },
    );
    return list;
  }

  /**
   * The specialization (when the type has any) and its typed properties. A new specialization with
   * required properties is saved together with them, once all are filled in.
   */
  function profileSection(concept, save) {
    const section = el('div', { class: 'eams-profile' });
    const specializations = ((metamodel.data && metamodel.data.specializations) || []).filter((x) => x.elementType === concept.type);
    let pending = null; // a specialization chosen but not saved yet
    const fill = (draft) => {
      const defs = metamodel.propertyDefinitions(draft);
      const inputs = [];
      const parts = [];
      if (specializations.length) {
        const select = el(
          'select',
          { id: 'eams-prop-specialization' },
          el('option', { value: '', text: t('specialization_none') }),
          specializations.map((x) => el('option', { value: x.id, text: (state.lang === 'en' ? x.nameEn : x.nameVi) || x.id, selected: x.id === draft.specialization })),
        );
        select.addEventListener('change', () => {
          const chosen = select.value;
          const next = { ...concept, specialization: chosen, profile: chosen === concept.specialization ? concept.profile : {} };
          const needed = metamodel.propertyDefinitions(next).filter((d) => d.required);
          if (!chosen || !needed.length) {
            pending = null;
            save(chosen ? { specialization: chosen } : { specialization: '', profile: null });
          } else {
            pending = chosen;
          }
          fill(next);
        });
        parts.push(field('specialization', t('prop_specialization'), select));
      }
      if (defs.length) {
        parts.push(el('h3', { text: t('prop_profile') }));
      }
      if (pending) {
        parts.push(el('p', { class: 'eams-prop-notice', role: 'status', text: t('specialization_fill') }));
      }
      for (const def of defs) {
        const value = draft.profile ? draft.profile[def.name] : undefined;
        const input = typedInput(def, value);
        inputs.push({ def, input });
        onChange(input, () => {
          if (!pending) {
            save({ profile: { [def.name]: readValue(input, def.type) } });
            return;
          }
          const values = Object.fromEntries(inputs.map((x) => [x.def.name, readValue(x.input, x.def.type)]));
          if (inputs.every((x) => !x.def.required || (values[x.def.name] !== null && values[x.def.name] !== ''))) {
            const chosen = pending;
            pending = null;
            // only what was filled in (an untouched checkbox is no answer)
            const profile = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== false));
            save({ specialization: chosen, profile }).then((saved) => {
              if (saved) {
                fill(saved);
              } else {
                pending = chosen;
              }
            });
          }
        });
        const label = (state.lang === 'en' ? def.labelEn : def.labelVi) || def.name;
        parts.push(field(`p-${def.name}`, label, input, { required: def.required }));
        if (def.type === 'element') {
          parts.push(elementChoices(input));
        }
      }
      section.replaceChildren(...parts);
    };
    fill(concept);
    return section;
  }

  function conceptForm(kind, concept) {
    const parts = [];
    const base = { ...concept };
    const save = (patch) => patchConcept(kind, concept.id, patch, base);
    const name = el('input', { type: 'text', id: 'eams-prop-name', value: concept.name || '' });
    const nameEn = el('input', { type: 'text', id: 'eams-prop-name-en', value: concept.nameEn || '', lang: 'en' });
    const doc = el('textarea', { id: 'eams-prop-documentation' });
    doc.value = concept.documentation || '';
    onChange(name, () => {
      if (kind === 'element' && !name.value.trim()) {
        showErrors({ errors: [{ field: 'name', message: t('name_required') }] });
        return;
      }
      save({ name: name.value.trim() });
    });
    onChange(nameEn, () => save({ nameEn: nameEn.value.trim() }));
    onChange(doc, () => save({ documentation: doc.value }));
    parts.push(field('name', t('prop_name'), name, { required: kind === 'element' }), field('name-en', t('prop_name_en'), nameEn), field('documentation', t('prop_documentation'), doc));
    if (kind === 'element') {
      parts.push(profileSection(concept, save));
    } else {
      parts.push(...relationshipAttributes(concept, save));
    }
    return parts;
  }

  function nodeForm(shape) {
    const name = el('input', { type: 'text', id: 'eams-prop-name', value: shape.eams.label || '' });
    const nameEn = el('input', { type: 'text', id: 'eams-prop-name-en', value: shape.eams.labelEn || '', lang: 'en' });
    const update = (changes) => context.updateNode(shape, changes);
    onChange(name, () => update({ label: name.value }));
    onChange(nameEn, () => update({ labelEn: nameEn.value }));
    if (shape.eams.kind === 'note') {
      const area = el('textarea', { id: 'eams-prop-name' });
      area.value = shape.eams.label || '';
      onChange(area, () => update({ label: area.value }));
      return [field('name', t('prop_text'), area), field('name-en', t('prop_text_en'), nameEn)];
    }
    return [field('name', t('prop_label'), name), field('name-en', t('prop_label_en'), nameEn)];
  }

  async function saveView(patch) {
    // the view's version counts every diagram edit too: a rename is sent again over edits that
    // left its fields alone, and refused only when someone changed the same fields meanwhile
    const base = { ...state.view };
    let answer = await call('PATCH', urls.view, { body: patch, ifMatch: state.view.version });
    if (answer.status === 409) {
      const fresh = await call('GET', urls.view);
      if (fresh.ok) {
        state.view.version = fresh.data.version;
        const clash = Object.keys(patch).some((k) => JSON.stringify(fresh.data[k]) !== JSON.stringify(base[k]));
        if (clash) {
          messages.show(t('prop_conflict'), 'warning');
          render();
          return;
        }
        answer = await call('PATCH', urls.view, { body: patch, ifMatch: fresh.data.version });
      }
    }
    if (answer.ok && answer.data) {
      showErrors(null);
      eventBus.fire('eams.viewChanged', { view: answer.data });
      return;
    }
    showErrors(answer.problem);
  }

  function viewForm() {
    const v = state.view;
    const name = el('input', { type: 'text', id: 'eams-prop-name', value: v.name });
    const nameEn = el('input', { type: 'text', id: 'eams-prop-name-en', value: v.nameEn, lang: 'en' });
    const doc = el('textarea', { id: 'eams-prop-documentation' });
    doc.value = v.documentation || '';
    onChange(name, () => {
      if (!name.value.trim()) {
        showErrors({ errors: [{ field: 'name', message: t('name_required') }] });
        return;
      }
      saveView({ name: name.value.trim() });
    });
    onChange(nameEn, () => saveView({ nameEn: nameEn.value.trim() }));
    onChange(doc, () => saveView({ documentation: doc.value }));
    const viewpoints = (metamodel.data && metamodel.data.viewpoints) || [];
    const select = el(
      'select',
      { id: 'eams-prop-viewpoint' },
      el('option', { value: '', text: t('viewpoint_none') }),
      viewpoints.map((vp) => el('option', { value: vp.id, text: (state.lang === 'en' ? vp.nameEn : vp.nameVi) || vp.id, selected: vp.id === v.viewpoint })),
    );
    onChange(select, () => saveView({ viewpoint: select.value }));
    return [
      field('name', t('prop_view_name'), name, { required: true }),
      field('name-en', t('prop_name_en'), nameEn),
      field('documentation', t('prop_documentation'), doc),
      field('viewpoint', t('prop_viewpoint'), select),
    ];
  }

  function render() {
    const selected = selection.get().filter((e) => e.eams);
    if (selected.length > 1) {
      target = { kind: 'many' };
      panel.replaceChildren(...heading(t('properties')), el('p', { text: t('prop_many', selected.length) }));
      return;
    }
    const shape = selected[0];
    if (!shape) {
      target = { kind: 'view' };
      panel.replaceChildren(...heading(t('prop_view'), localName(state.view.name, state.view.nameEn, state.lang)), ...viewForm());
      return;
    }
    if (shape.waypoints) {
      const r = shape.eams.relationshipId ? state.relationships.get(shape.eams.relationshipId) : null;
      if (!r) {
        target = { kind: 'line', shape };
        panel.replaceChildren(...heading(t('line')));
        return;
      }
      target = { kind: 'relationship', id: r.id, shape };
      const label = context.metamodel.relationshipLabel(r.type, state.lang);
      const source = state.elements.get(r.sourceId);
      const targetElement = state.elements.get(r.targetId);
      const ends = source && targetElement ? `${localName(source.name, source.nameEn, state.lang)} → ${localName(targetElement.name, targetElement.nameEn, state.lang)}` : '';
      panel.replaceChildren(...heading(label, ends), ...conceptForm('relationship', r));
      return;
    }
    if (shape.eams.kind === 'element') {
      const element = state.elements.get(shape.eams.elementId);
      if (!element) {
        target = null;
        panel.replaceChildren(...heading(t('properties')));
        return;
      }
      target = { kind: 'element', id: element.id, shape };
      panel.replaceChildren(...heading(typeLabel(state.notation, element.type, state.lang), element.id), ...conceptForm('element', element));
      return;
    }
    target = { kind: 'node', id: shape.id, shape };
    panel.replaceChildren(...heading(t(shape.eams.kind)), ...nodeForm(shape));
  }

  const typing = () => panel.contains(document.activeElement) && /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);

  eventBus.on('selection.changed', () => render());
  eventBus.on(['eams.reloaded', 'eams.viewChanged'], () => {
    if (!typing()) {
      render();
    }
  });
  eventBus.on('commandStack.changed', () => {
    if (target && target.kind === 'node' && !typing()) {
      render();
    }
  });
  eventBus.on('eams.conceptChanged', (event) => {
    if (!target || target.id !== event.id) {
      return;
    }
    if (typing()) {
      const notice = el('p', { class: 'eams-prop-notice', role: 'status' }, t('prop_changed_elsewhere', event.actor || ''), ' ', el('button', { type: 'button', text: t('prop_reload'), onclick: () => render() }));
      panel.querySelector('.eams-prop-notice')?.remove();
      panel.insertBefore(notice, panel.children[1] || null);
    } else {
      render();
    }
  });
  eventBus.on('eams.conceptDeleted', (event) => {
    if (target && target.id === event.id) {
      selection.select(null);
      render();
    }
  });
  eventBus.on('element.dblclick', (event) => {
    if (event.element && event.element.eams) {
      setTimeout(() => {
        const name = panel.querySelector('#eams-prop-name');
        if (name) {
          name.focus();
          if (name.select) {
            name.select();
          }
        }
      }, 0);
    }
  });
  metamodel.load().then(() => render());
  render();
}
