// The change log is read per model from a sequence number through the unique seq index (ordered by
// seq, filtered by model), and per concept through change_target (V0005). The (modelId, seq)
// index cost every change-log write an index entry without serving a query that needs it.
DROP INDEX change_model_seq IF EXISTS;
