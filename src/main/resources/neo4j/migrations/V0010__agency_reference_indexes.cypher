// An agency's applications are those that name it as owner or operator (profile properties of the
// Application specialization) or that it is assigned to. Looked up by these indexes, each route
// is a seek: without them every application component of the store was read and tested.
CREATE INDEX application_owner IF NOT EXISTS FOR (n:ApplicationComponent) ON (n.p_owner);
CREATE INDEX application_operator IF NOT EXISTS FOR (n:ApplicationComponent) ON (n.p_operator);
