// The geometry and text rules of the ArchiMate notation, shared by the canvas renderer and the SVG
// export: where a line leaves a box, how a label wraps, what a node or connection is called. The
// rules mirror the server's drawing (vn.eams.web.ViewSvg) so that both look the same; labels wrap
// by character count as there, so no text is measured while a view opens.

/** Line height of labels, in pixels. */
export const LINE_HEIGHT = 14;

/** Average width of a label character, in pixels, as the server's wrapping assumes it. */
export const CHAR_WIDTH = 7;

/**
 * The lines of a text word-wrapped as the server wraps it (vn.eams.web.ViewSvg#text): at most
 * `max(4, width / 7)` characters a line, at most `maxLines` lines, the last one then ending with
 * "…". No text measuring is needed, and both drawings break lines at the same words.
 */
export function wrapText(text, width, maxLines) {
  const perLine = Math.max(4, Math.trunc(width / CHAR_WIDTH));
  const lines = [];
  let line = '';
  for (const word of String(text || '').split(/\s+/)) {
    if (!word) {
      continue;
    }
    if (line.length > 0 && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) {
    lines.push(line);
  }
  const max = Math.max(1, maxLines);
  if (lines.length > max) {
    lines.length = max;
    lines[max - 1] = `${lines[max - 1]}…`;
  }
  return lines;
}

/** The centre of a box {x, y, width, height}. */
export function centre(box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the line from the box's centre towards point `p` leaves the box (as the server clips). */
export function clip(box, p) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  if (dx === 0 && dy === 0) {
    return { x: Math.round(cx), y: Math.round(cy) };
  }
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const k = Math.min(sx, sy);
  return { x: Math.round(cx + dx * k), y: Math.round(cy + dy * k) };
}

/**
 * The waypoints of a connection between two boxes through its bendpoints: the ends clipped at the
 * boxes, aiming at the first and last bendpoint (or at the other box's centre).
 */
export function waypointsOf(source, target, bendpoints) {
  const bends = bendpoints.map((p) => ({ x: p.x, y: p.y }));
  const first = bends.length ? bends[0] : centre(target);
  const last = bends.length ? bends[bends.length - 1] : centre(source);
  return [clip(source, first), ...bends, clip(target, last)];
}

/** Bendpoints as the view JSON carries them ([[x, y]] or [{x, y}]) as points {x, y}. */
export function readBendpoints(list) {
  return (list || []).map((p) => (Array.isArray(p) ? { x: p[0], y: p[1] } : { x: p.x, y: p.y }));
}

/** A name in the page language: the English one when asked for and set, else the Vietnamese one. */
export function localName(vi, en, lang) {
  return lang === 'en' && en ? en : vi || '';
}

/** The label of a type (element or relationship) in the page language, from the notation. */
export function typeLabel(notation, type, lang) {
  const t = notation.types[type];
  if (!t) {
    return type;
  }
  return (lang === 'en' ? t.labelEn : t.labelVi) || type;
}

/** A type's label with its ArchiMate name, e.g. "Tác nhân nghiệp vụ (BusinessActor)", for messages. */
export function typeNamed(notation, type, lang) {
  const label = typeLabel(notation, type, lang);
  return label && !label.includes(type) ? `${label} (${type})` : label || type;
}

/** The fill of an element box: the node's own colour (#rrggbb) or the type's. */
export function fillOf(typeInfo, style) {
  const own = style && typeof style.fill === 'string' ? style.fill : '';
  if (/^#[0-9a-fA-F]{6}$/.test(own)) {
    return own;
  }
  return (typeInfo && typeInfo.fill) || '#ffffff';
}

/** The drawing of a relationship type's line: dash and the markers at both ends. */
export function lineOf(notation, type) {
  return notation.lines[type] || notation.lines.Line || { dash: '', start: '', end: '' };
}

/** Whether an element type is a junction (drawn as a small circle). */
export function isJunction(notation, type) {
  const t = notation.types[type];
  return t ? Boolean(t.junction) : /Junction$/.test(type || '');
}

/** How many label lines fit in a text box of height h (at least one), as the server counts. */
export function linesFitting(h) {
  return Math.max(1, Math.trunc(h / LINE_HEIGHT));
}
