// JSON calls of the modeller to the EAMS API. Unlike src/api.js these answer instead of throwing:
// the saving queue needs the status (409, 422, network failure) to decide what to do.
import { csrfHeaders } from '../api.js';

/**
 * Sends a request; answers {ok, status, data, problem, etag}. `status` 0 means the network failed
 * (nothing reached the server, or no answer came back).
 */
export async function call(method, url, { body, ifMatch, signal, keepalive } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    Object.assign(headers, csrfHeaders());
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (ifMatch !== undefined && ifMatch !== null) {
    headers['If-Match'] = `"${ifMatch}"`;
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
      keepalive,
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    return { ok: false, status: 0, data: null, problem: { title: String(e.message || e) } };
  }
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      data = await response.json();
    } catch (ignored) {
      data = null;
    }
  }
  const etag = (response.headers.get('ETag') || '').replace(/^W\//, '').replace(/"/g, '');
  if (response.ok) {
    return { ok: true, status: response.status, data, problem: null, etag };
  }
  return { ok: false, status: response.status, data: null, problem: data && typeof data === 'object' ? data : { status: response.status }, etag };
}

/** The API paths of one model and view. */
export function paths(modelId, viewId) {
  const m = `/api/models/${encodeURIComponent(modelId)}`;
  const v = `${m}/views/${encodeURIComponent(viewId)}`;
  return {
    view: v,
    edits: `${v}/edits`,
    presence: `${v}/presence`,
    events: (since) => `${m}/events?since=${encodeURIComponent(since)}`,
    elements: `${m}/elements`,
    element: (id) => `${m}/elements/${encodeURIComponent(id)}`,
    relationships: `${m}/relationships`,
    relationship: (id) => `${m}/relationships/${encodeURIComponent(id)}`,
    metamodel: '/api/metamodel',
    allowed: (source, target) =>
      `/api/metamodel/allowed-relationships?source=${encodeURIComponent(source)}&target=${encodeURIComponent(target)}`,
  };
}

/** The message of a problem document: its detail, its title, or the first error's message. */
export function problemText(problem) {
  if (!problem) {
    return '';
  }
  const first = (problem.errors || []).find((e) => e && e.message);
  return problem.detail || (first && first.message) || problem.title || '';
}
