// The modeller's notation rules (wrapping and clipping as the server draws) and the translation of
// canvas changes into edit operations. Run with `npm test` (part of `npm run build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clip, linesFitting, readBendpoints, waypointsOf, wrapText } from '../src/modeller/notation.js';
import { WIRE, diff, withVersions } from '../src/modeller/ops.js';

test('wrapText_BreaksByCharacterCountLikeTheServer', () => {
  // a 120-wide element box: (120 - 30) / 7 = 12 characters a line, (55 - 6) / 14 = 3 lines
  assert.deepEqual(wrapText('Cổng thông tin điện tử của tỉnh', 90, linesFitting(49)), ['Cổng thông', 'tin điện tử', 'của tỉnh']);
  assert.deepEqual(wrapText('Hệ thống thông tin giải quyết thủ tục hành chính', 90, 3), ['Hệ thống', 'thông tin', 'giải quyết…']);
  assert.deepEqual(wrapText('   ', 90, 3), []);
  assert.deepEqual(wrapText('ab', 10, 0), ['ab']);
});

test('clip_LeavesTheBoxTowardsThePoint', () => {
  const box = { x: 0, y: 0, width: 100, height: 50 };
  assert.deepEqual(clip(box, { x: 300, y: 25 }), { x: 100, y: 25 });
  assert.deepEqual(clip(box, { x: 50, y: -100 }), { x: 50, y: 0 });
  assert.deepEqual(clip(box, { x: 50, y: 25 }), { x: 50, y: 25 });
});

test('waypointsOf_ClipsBothEndsAimingAtTheBendpoints', () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  const b = { x: 300, y: 200, width: 100, height: 50 };
  assert.deepEqual(waypointsOf(a, b, []), [{ x: 88, y: 50 }, { x: 313, y: 200 }]);
  assert.deepEqual(waypointsOf(a, b, readBendpoints([[50, 225]])), [{ x: 50, y: 50 }, { x: 50, y: 225 }, { x: 300, y: 225 }]);
  assert.deepEqual(readBendpoints([{ x: 1, y: 2 }]), [{ x: 1, y: 2 }]);
});

const node = (id, extra = {}) => ({ t: 'n', id, kind: 'element', elementId: `e-${id}`, parentId: '', x: 0, y: 0, w: 120, h: 55, label: '', labelEn: '', style: '{}', ...extra });
const conn = (id, extra = {}) => ({ t: 'c', id, relationshipId: `r-${id}`, sourceId: 'a', targetId: 'b', bendpoints: '[]', style: '{}', ...extra });
const known = new Set(['e-a', 'e-b', 'e-c', 'r-ab']);
const concepts = {
  hasElement: (id) => known.has(id),
  hasRelationship: (id) => known.has(id),
  element: (id) => ({ id, type: 'BusinessActor', name: 'Tác nhân nghiệp vụ', nameEn: 'Business Actor' }),
  relationship: (id) => ({ id, type: 'Serving', sourceId: 'e-a', targetId: 'e-b' }),
};

test('diff_MovesResizesAndReparentsAsUpdateNode', () => {
  const before = new Map([['a', node('a')], ['b', node('b')]]);
  const after = new Map([['a', node('a', { x: 10, y: 20 })], ['b', node('b', { parentId: 'a', w: 200 })]]);
  const out = diff(before, after, concepts, WIRE);
  assert.deepEqual(out.ops, [
    { op: 'updateNode', node: { id: 'a', x: 10, y: 20 } },
    { op: 'updateNode', node: { id: 'b', parentId: 'a', w: 200 } },
  ]);
  assert.deepEqual(out.nestings, [{ parentId: 'a', childId: 'b' }]);
});

test('diff_NewElementIsCreated_KnownElementIsAdded_ParentsFirst', () => {
  const before = new Map([['a', node('a')]]);
  const after = new Map([
    ['a', node('a')],
    ['x', node('x', { parentId: 'g' })],
    ['g', node('g', { kind: 'group', elementId: '', label: 'Nhóm' })],
    ['c', node('c', { elementId: 'e-c' })],
  ]);
  const out = diff(before, after, concepts, WIRE);
  assert.deepEqual(out.ops.map((o) => `${o.op}:${(o.node || {}).id}`), ['addNode:g', 'addNode:c', 'createElement:x']);
  const created = out.ops.find((o) => o.op === 'createElement');
  assert.deepEqual(created.element, { id: 'e-x', type: 'BusinessActor', name: 'Tác nhân nghiệp vụ', nameEn: 'Business Actor' });
  assert.deepEqual(created.node, { id: 'x', parentId: 'g', x: 0, y: 0, w: 120, h: 55 });
  assert.deepEqual(out.ops[0].node, { id: 'g', parentId: '', x: 0, y: 0, w: 120, h: 55, kind: 'group', label: 'Nhóm' });
  assert.deepEqual(out.createdElements, ['e-x']);
});

test('diff_RemovingANodeDoesNotListItsChildrenOrConnections', () => {
  const before = new Map([['a', node('a')], ['b', node('b', { parentId: 'a' })], ['ab', conn('ab')], ['c', node('c')]]);
  const after = new Map([['c', node('c')]]);
  const out = diff(before, after, concepts, WIRE);
  assert.deepEqual(out.ops, [{ op: 'removeNode', id: 'a' }]);
});

test('diff_ConnectionsCreateRelationshipsOrAddConnections', () => {
  const before = new Map([['a', node('a')], ['b', node('b')]]);
  const after = new Map([
    ['a', node('a')],
    ['b', node('b')],
    ['ab', conn('ab', { relationshipId: 'r-ab', bendpoints: '[[5,6]]' })],
    ['new', conn('new', { relationshipId: 'r-new' })],
    ['line', conn('line', { relationshipId: '' })],
  ]);
  const out = diff(before, after, concepts, WIRE);
  assert.deepEqual(out.ops, [
    { op: 'addConnection', connection: { id: 'ab', sourceId: 'a', targetId: 'b', bendpoints: [[5, 6]], relationshipId: 'r-ab' } },
    {
      op: 'createRelationship',
      relationship: { id: 'r-new', type: 'Serving', sourceId: 'e-a', targetId: 'e-b' },
      connection: { id: 'new', sourceId: 'a', targetId: 'b', bendpoints: [] },
    },
    { op: 'addConnection', connection: { id: 'line', sourceId: 'a', targetId: 'b', bendpoints: [], relationshipId: '' } },
  ]);
  assert.deepEqual(out.createdRelationships, ['r-new']);
});

test('withVersions_AddsTheKnownVersionsToUpdatesAndRemovals', () => {
  const versions = new Map([['a', 3], ['c1', 7]]);
  const ops = [
    { op: 'updateNode', node: { id: 'a', x: 1 } },
    { op: 'removeConnection', id: 'c1' },
    { op: 'addNode', node: { id: 'n', kind: 'note' } },
  ];
  assert.deepEqual(withVersions(ops, versions), [
    { op: 'updateNode', node: { id: 'a', x: 1, version: 3 } },
    { op: 'removeConnection', id: 'c1', version: 7 },
    { op: 'addNode', node: { id: 'n', kind: 'note' } },
  ]);
  assert.deepEqual(ops[0].node, { id: 'a', x: 1 });
});
