// Small helpers shared by the page modules: texts, names in the page language, DOM building.

/** Replaces {0}, {1}, … in a text of the message bundles. */
export function format(pattern, ...args) {
  return String(pattern).replace(/\{(\d+)\}/g, (match, i) => (i < args.length ? String(args[i]) : match));
}

/** An element's name in the page language (the Vietnamese one when there is no English name). */
export function nameOf(element, lang) {
  if (!element) {
    return '';
  }
  return lang === 'en' && element.nameEn ? element.nameEn : element.name || element.id || '';
}

/** Text folded for matching: lower case, without Vietnamese diacritics (đ → d). */
export function fold(text) {
  return String(text || '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Creates an element with attributes (`text` sets its text, `on…` adds a listener) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'text') {
      node.textContent = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child);
    }
  }
  return node;
}

/** The address of an element's page. */
export function elementHref(modelId, id) {
  return `/models/${encodeURIComponent(modelId)}/elements/${encodeURIComponent(id)}`;
}
