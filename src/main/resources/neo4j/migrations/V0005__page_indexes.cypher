// The element page lists a concept's history: changes by target id.
CREATE INDEX change_target IF NOT EXISTS FOR (n:Change) ON (n.targetId);
// Keyword search over names, documentation and property values (folded: no diacritics, lower
// case). A text index serves CONTAINS.
CREATE TEXT INDEX element_text IF NOT EXISTS FOR (n:Element) ON (n.textKey);
// Catalogue filters by specialization (agencies, applications, databases...).
CREATE INDEX element_model_specialization IF NOT EXISTS FOR (n:Element) ON (n.modelId, n.specialization);
