// Listing and filtering elements of a model.
CREATE INDEX element_model_name IF NOT EXISTS FOR (n:Element) ON (n.modelId, n.nameKey);
CREATE INDEX element_model_type IF NOT EXISTS FOR (n:Element) ON (n.modelId, n.type);
CREATE INDEX folder_model IF NOT EXISTS FOR (n:Folder) ON (n.modelId);
CREATE INDEX view_model IF NOT EXISTS FOR (n:View) ON (n.modelId);
// Diagram objects reference concepts by id; deleting a concept finds its references here.
CREATE INDEX diagram_node_view IF NOT EXISTS FOR (n:DiagramNode) ON (n.viewId);
CREATE INDEX diagram_node_element IF NOT EXISTS FOR (n:DiagramNode) ON (n.elementRef);
CREATE INDEX diagram_connection_view IF NOT EXISTS FOR (n:DiagramConnection) ON (n.viewId);
CREATE INDEX diagram_connection_relationship IF NOT EXISTS FOR (n:DiagramConnection) ON (n.relationshipRef);
// The change log is read per model from a sequence number.
CREATE INDEX change_model_seq IF NOT EXISTS FOR (n:Change) ON (n.modelId, n.seq);
// Folder contents.
CREATE INDEX element_folder IF NOT EXISTS FOR (n:Element) ON (n.folderId);
CREATE INDEX view_folder IF NOT EXISTS FOR (n:View) ON (n.folderId);
CREATE INDEX folder_parent IF NOT EXISTS FOR (n:Folder) ON (n.parentId);
CREATE INDEX diagram_node_model IF NOT EXISTS FOR (n:DiagramNode) ON (n.modelId);
CREATE INDEX diagram_connection_model IF NOT EXISTS FOR (n:DiagramConnection) ON (n.modelId);
