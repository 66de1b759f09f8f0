-- Who has a view open in the modeller or the viewer: one row per user and view, refreshed by the
-- browser's heartbeat and forgotten 30 s after the last one (docs/user-guide/modeller.md).
-- Kept in the relational store so that every application node sees every viewer. Portable SQL.
CREATE TABLE eams_view_presence (
    id         BIGINT       NOT NULL PRIMARY KEY,
    view_id    VARCHAR(200) NOT NULL,
    username   VARCHAR(200) NOT NULL,
    editing    BOOLEAN      NOT NULL,
    since      TIMESTAMP    NOT NULL,
    last_seen  TIMESTAMP    NOT NULL
);

CREATE INDEX eams_view_presence_view ON eams_view_presence (view_id, last_seen);

CREATE SEQUENCE eams_view_presence_seq START WITH 1 INCREMENT BY 50;
