// Most page and API reads start from "the elements of a model" with no other predicate. The
// composite (modelId, ...) indexes of V0003/V0005 serve a lookup only with predicates on all their
// properties, so those reads scanned every element of every model.
CREATE INDEX element_model IF NOT EXISTS FOR (n:Element) ON (n.modelId);
