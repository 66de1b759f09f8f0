package vn.eams.model;

/** The editable content of a folder (an "organization" in the exchange format). */
public record FolderData(String name, String nameEn, String documentation, String parentId) {}
