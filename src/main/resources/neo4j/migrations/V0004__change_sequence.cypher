// The global change sequence. Every write transaction increments it first, which also serialises
// writers (see ADR 0002).
MERGE (s:Sequence {name: 'change'}) ON CREATE SET s.value = 0;
