// Live updates of the editor: the model's change stream (others' edits of this view, renamed or
// deleted elements and relationships) and the presence of the other people editing the view.
import { el } from '../dom.js';
import { call } from './http.js';

const HEARTBEAT_MS = 10000;

/**
 * Follows the model's changes from the view's sequence number on. `quiet` (the viewer): a lost
 * stream is not reported. Answers {close()}.
 */
export function followChanges(context, { quiet = false } = {}) {
  const { state, urls, saver, remote, messages, t, diagram } = context;
  const eventBus = diagram.get('eventBus');
  let source = null;
  let pending = [];
  let retries = 0;

  /** Reads the elements and relationships that others' edits brought onto the view. */
  async function fetchMissing() {
    const registry = diagram.get('elementRegistry');
    const elements = new Set();
    const relationships = new Set();
    registry.forEach((e) => {
      if (e.eams && e.eams.elementId && !state.elements.has(e.eams.elementId)) {
        elements.add(e.eams.elementId);
      }
      if (e.eams && e.eams.relationshipId && !state.relationships.has(e.eams.relationshipId)) {
        relationships.add(e.eams.relationshipId);
      }
    });
    const read = async (id, url, map, known) => {
      const answer = await call('GET', url);
      if (answer.ok && answer.data) {
        map.set(id, answer.data);
        known.add(id);
      }
    };
    await Promise.all([
      ...[...elements].map((id) => read(id, urls.element(id), state.elements, state.serverElements)),
      ...[...relationships].map((id) => read(id, urls.relationship(id), state.relationships, state.serverRelationships)),
    ]);
    if (elements.size || relationships.size) {
      remote.redrawConcepts(elements, relationships);
    }
  }

  function handle(change) {
    const seq = Number(change.seq);
    if (saver.isOwnSeq(seq)) {
      return;
    }
    if (change.kind === 'view' && change.targetId === state.config.viewId) {
      if (change.op === 'delete') {
        eventBus.fire('eams.viewGone');
      } else if (change.after && Array.isArray(change.after.edits)) {
        saver.applyRemote(change.after.edits);
        fetchMissing();
        if (change.after.version !== undefined && state.view) {
          state.view.version = change.after.version;
        }
      } else if (change.after && change.op === 'update') {
        eventBus.fire('eams.viewChanged', { view: change.after });
      }
    } else if (change.kind === 'element' || change.kind === 'relationship') {
      const map = change.kind === 'element' ? state.elements : state.relationships;
      if (change.op === 'delete') {
        const id = change.targetId || (change.before && change.before.id);
        map.delete(id);
        saver.forget(remote.removeConcept(change.kind, id));
        eventBus.fire('eams.conceptDeleted', { kind: change.kind, id });
      } else if (change.after && change.after.id) {
        const id = change.after.id;
        const known = map.get(id);
        if (!known || (known.version || 0) < (change.after.version || 0) || !known.version) {
          map.set(id, change.after);
          if (change.kind === 'element') {
            state.serverElements.add(id);
            remote.redrawConcepts(new Set([id]), new Set());
          } else {
            state.serverRelationships.add(id);
            remote.redrawConcepts(new Set(), new Set([id]));
          }
          eventBus.fire('eams.conceptChanged', { kind: change.kind, id, concept: change.after, actor: change.actor });
        }
      }
    }
    if (seq) {
      state.lastSeq = Math.max(state.lastSeq, seq);
    }
  }

  function flush() {
    const list = pending;
    pending = [];
    list.sort((a, b) => Number(a.seq) - Number(b.seq)).forEach(handle);
  }

  function open() {
    source = new EventSource(urls.events(state.lastSeq));
    source.addEventListener('change', (event) => {
      let change;
      try {
        change = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      if (change.seq === undefined && event.lastEventId) {
        change.seq = Number(event.lastEventId);
      }
      pending.push(change);
      // our own edits' answers carry their sequence numbers: wait for them before applying
      saver.whenIdle(flush);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        if (!quiet) {
          messages.show(t('live_lost'), 'warning');
        }
        retries += 1;
        if (retries <= 20) {
          setTimeout(open, Math.min(60000, 5000 * retries));
        }
      }
    });
    source.addEventListener('open', () => {
      retries = 0;
    });
  }
  open();
  return {
    close() {
      if (source) {
        source.close();
      }
    },
  };
}

/** Sends the presence heartbeat and lists the other viewers in #eams-presence. */
export function showPresence(context) {
  const { urls, frame, t, config } = context;
  const list = frame.presence;
  list.setAttribute('aria-label', t('presence'));
  const render = (viewers) => {
    const others = (viewers || []).filter((v) => v.user !== config.user);
    list.replaceChildren(
      ...others.map((v) =>
        el('li', {
          class: `eams-viewer${v.editing ? ' eams-editing' : ''}`,
          dataset: { user: v.user },
          title: t(v.editing ? 'viewer_editing_title' : 'viewer_title', v.name || v.user),
          text: v.name || v.user,
        }),
      ),
    );
  };
  const beat = async () => {
    const answer = await call('POST', `${urls.presence}?editing=${config.mode === 'edit'}`, { body: {} });
    if (answer.ok && answer.data) {
      render(answer.data.viewers);
    }
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  window.addEventListener('pagehide', () => {
    clearInterval(timer);
    call('DELETE', urls.presence, { keepalive: true });
  });
}
