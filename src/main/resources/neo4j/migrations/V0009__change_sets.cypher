// The change log moves from one (:Change) node per change to (:ChangeSet) nodes: the changes of one
// transaction to one model, at most 1,000 per node, as parallel lists (ADR 0006). A bulk import of
// 300,000 concepts wrote 300,000 nodes and 600,000 index entries for its log; now 300 nodes.
CREATE INDEX change_set_model_last IF NOT EXISTS FOR (s:ChangeSet) ON (s.modelId, s.last);
CREATE INDEX change_set_last IF NOT EXISTS FOR (s:ChangeSet) ON (s.last);
CREATE INDEX change_set_first IF NOT EXISTS FOR (s:ChangeSet) ON (s.first);
// existing records, per model in seq order, 1,000 to a set; the copy and the delete are one
// statement (one transaction), so an interrupted start leaves either the old or the new shape
MATCH (c:Change)
WITH c ORDER BY c.seq
WITH coalesce(c.modelId, '') AS m, collect(c) AS cs
UNWIND range(0, size(cs) - 1, 1000) AS i
WITH m, cs[i..i + 1000] AS chunk
CREATE (s:ChangeSet {modelId: m, first: chunk[0].seq, last: chunk[size(chunk) - 1].seq,
  seqs: [c IN chunk | c.seq], ats: [c IN chunk | coalesce(c.at, datetime({epochMillis: 0}))],
  actors: [c IN chunk | coalesce(c.actor, '')], ops: [c IN chunk | coalesce(c.op, '')],
  kinds: [c IN chunk | coalesce(c.kind, '')], targets: [c IN chunk | coalesce(c.targetId, '')],
  befores: [c IN chunk | coalesce(c.before, '')], afters: [c IN chunk | coalesce(c.after, '')],
  causes: [c IN chunk | coalesce(c.cause, '')]})
WITH chunk
UNWIND chunk AS c
DETACH DELETE c;
DROP CONSTRAINT change_seq IF EXISTS;
DROP INDEX change_target IF EXISTS;
