// The indexing of an impact answer: explanation chains, derived-relationship ends, table groups,
// the graph of the explanation paths. Run with `npm test` (part of `npm run build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, format, nameOf } from '../src/dom.js';
import { chain, graphOf, groups, indexResult } from '../src/result.js';

const LAYERS = ['Strategy', 'Business', 'Application', 'Technology'];

// platform —Realization→ service —Serving→ process, and an actor associated with the process
// (the Association followed against its direction, forward: false; a potential step)
const response = {
  start: [{ id: 'platform', name: 'Nền tảng', nameEn: 'Platform', type: 'ApplicationComponent', layer: 'Application' }],
  elements: [
    {
      id: 'service', name: 'Dịch vụ', nameEn: 'Service', type: 'ApplicationService', layer: 'Application',
      distance: 1, potential: false, derived: null,
      path: [{ id: 'r1', type: 'Realization', source: 'platform', target: 'service', forward: true }],
    },
    {
      id: 'process', name: 'Quy trình', type: 'BusinessProcess', layer: 'Business', distance: 2, potential: false,
      derived: { type: 'Serving', source: 'platform', target: 'process', potential: false, rules: ['DR3'] },
      path: [
        { id: 'r1', type: 'Realization', source: 'platform', target: 'service', forward: true },
        { id: 'r2', type: 'Serving', source: 'service', target: 'process', forward: true },
      ],
    },
    {
      id: 'actor', name: 'Cơ quan', type: 'BusinessActor', layer: 'Business', distance: 3, potential: true,
      derived: null,
      path: [
        { id: 'r1', type: 'Realization', source: 'platform', target: 'service', forward: true },
        { id: 'r2', type: 'Serving', source: 'service', target: 'process', forward: true },
        { id: 'r3', type: 'Association', source: 'actor', target: 'process', forward: false },
      ],
    },
  ],
  nodes: {},
};

test('chain_ListsElementsAndSteps_FromTheStartElement', () => {
  const index = indexResult(response, LAYERS);
  const parts = chain(index, 'actor');
  assert.deepEqual(
    parts.map((p) => p.relationship ? `${p.type}:${p.forward}` : p.id),
    ['platform', 'Realization:true', 'service', 'Serving:true', 'process', 'Association:false', 'actor'],
  );
});

test('groups_OrderByLayerThenDistance', () => {
  const index = indexResult(response, LAYERS);
  assert.deepEqual(
    groups(index).map((g) => `${g.layer}/${g.distance}/${g.elements.length}`),
    ['Business/2/1', 'Business/3/1', 'Application/1/1'],
  );
});

test('graphOf_DrawsEachRelationshipOnce_DashedOnlyWhenAllItExplainsIsPotential', () => {
  const graph = graphOf(indexResult(response, LAYERS), 'en');
  assert.deepEqual(graph.nodes.map((n) => n.id).sort(), ['actor', 'platform', 'process', 'service']);
  assert.equal(graph.nodes.find((n) => n.id === 'platform').start, true);
  assert.equal(graph.nodes.find((n) => n.id === 'service').label, 'Service');
  assert.deepEqual(graph.edges.map((e) => `${e.id}:${e.potential}`), ['r1:false', 'r2:false', 'r3:true']);
  const r3 = graph.edges.find((e) => e.id === 'r3');
  assert.deepEqual([r3.source, r3.target, r3.from, r3.to], ['actor', 'process', 'process', 'actor']);
});

test('graphOf_MarksPathElementsThatAreNotListed', () => {
  const filtered = { ...response, elements: response.elements.filter((e) => e.layer === 'Business'), nodes: { service: { name: 'Dịch vụ', type: 'ApplicationService', layer: 'Application' } } };
  const graph = graphOf(indexResult(filtered, LAYERS), 'vi');
  const service = graph.nodes.find((n) => n.id === 'service');
  assert.equal(service.listed, false);
  assert.equal(service.label, 'Dịch vụ');
});

test('texts_FormatFoldAndPickTheLanguage', () => {
  assert.equal(format('{0} · khoảng cách {1} ({2})', 'Ứng dụng', 2, 5), 'Ứng dụng · khoảng cách 2 (5)');
  assert.equal(fold('Đường Sở Tư pháp'), 'duong so tu phap');
  assert.equal(nameOf({ name: 'Quy trình' }, 'en'), 'Quy trình');
  assert.equal(nameOf({ name: 'Dịch vụ', nameEn: 'Service' }, 'en'), 'Service');
});
