// Calls to the EAMS API: element search and impact analysis. Failures become ApiProblem errors
// that carry the RFC 9457 problem document (or one made up for network and non-JSON failures).
import { format } from './dom.js';

/** A failed call, with the problem document the page shows. */
export class ApiProblem extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'problem');
    this.problem = problem;
  }
}

/**
 * The CSRF token of the signed-in session (the page's <meta name="csrf-token">): a change sent with
 * the session cookie must carry it in the X-CSRF-Token header.
 */
export function csrfHeaders() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta && meta.content ? { 'X-CSRF-Token': meta.content } : {};
}

async function send(url, init, texts) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiProblem({ title: texts.network_error, detail: String(e.message || e) });
  }
  if (response.ok) {
    return response;
  }
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch (ignored) {
      problem = null;
    }
  }
  if (!problem || typeof problem !== 'object') {
    problem = { title: format(texts.http_error, response.status), status: response.status };
  }
  throw new ApiProblem(problem);
}

/** Elements of a model whose name contains `name` (diacritics and case ignored), first `limit`. */
export async function findElements(modelId, name, limit, signal, texts) {
  const query = new URLSearchParams({ name, limit: String(limit) });
  const response = await send(
    `/api/models/${encodeURIComponent(modelId)}/elements?${query}`,
    { headers: { Accept: 'application/json' }, signal },
    texts,
  );
  return (await response.json()).items || [];
}

/** Runs the impact analysis; `fileFormat` 'csv' or 'json' answers a Blob to save instead. */
export async function analyse(modelId, body, texts, fileFormat) {
  const url = `/api/models/${encodeURIComponent(modelId)}/impact${fileFormat ? `?format=${fileFormat}` : ''}`;
  const response = await send(
    url,
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: fileFormat === 'csv' ? 'text/csv' : 'application/json',
        ...csrfHeaders(),
      },
      body: JSON.stringify(body),
    },
    texts,
  );
  return fileFormat ? response.blob() : response.json();
}

/** Saves a Blob under a file name through a temporary link. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
