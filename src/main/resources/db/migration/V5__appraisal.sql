-- Appraisal cases (issue #10): an agency's proposed IT project under review at the DIC, its status
-- history, checklist, dossier files and decision (docs/user-guide/appraisal.md). Portable SQL: H2
-- and PostgreSQL.
CREATE TABLE eams_appraisal_case (
    id               BIGINT          NOT NULL PRIMARY KEY,
    proposal_id      VARCHAR(200)    NOT NULL,
    baseline_id      VARCHAR(200)    NOT NULL,
    title            VARCHAR(500)    NOT NULL,
    agency_id        VARCHAR(200)    NOT NULL,
    funding          VARCHAR(20)     NOT NULL,
    total_vnd        BIGINT          NOT NULL,
    security_level   INTEGER,
    roadmap_phase    INTEGER,
    route_id         VARCHAR(50)     NOT NULL,
    route_suggested  VARCHAR(50)     NOT NULL,
    project_group    VARCHAR(5)      NOT NULL,
    one_step         BOOLEAN         NOT NULL,
    ruleset          VARCHAR(200)    NOT NULL,
    received_on      DATE            NOT NULL,
    deadline_on      DATE,
    deadline_days    INTEGER,
    deadline_kind    VARCHAR(20),
    deadline_basis   VARCHAR(500),
    assignee         VARCHAR(200),
    status           VARCHAR(30)     NOT NULL,
    benefit_vnd      BIGINT,
    estimate_json    VARCHAR(1000000),
    lifecycle_json   VARCHAR(1000000),
    judged_json      VARCHAR(1000000),
    decision         VARCHAR(30),
    decision_reasons VARCHAR(20000),
    decision_conditions VARCHAR(20000),
    decided_by       VARCHAR(200),
    decided_at       TIMESTAMP,
    merged_seq       BIGINT,
    opened_by        VARCHAR(200)    NOT NULL,
    opened_at        TIMESTAMP       NOT NULL,
    updated_at       TIMESTAMP       NOT NULL,
    version          BIGINT          NOT NULL
);

CREATE SEQUENCE eams_appraisal_case_seq START WITH 1 INCREMENT BY 50;

CREATE INDEX eams_appraisal_case_agency ON eams_appraisal_case (agency_id, id);
CREATE INDEX eams_appraisal_case_proposal ON eams_appraisal_case (proposal_id);

CREATE TABLE eams_appraisal_event (
    id          BIGINT          NOT NULL PRIMARY KEY,
    case_id     BIGINT          NOT NULL REFERENCES eams_appraisal_case (id) ON DELETE CASCADE,
    at          TIMESTAMP       NOT NULL,
    actor       VARCHAR(200)    NOT NULL,
    kind        VARCHAR(30)     NOT NULL,
    status      VARCHAR(30)     NOT NULL,
    note        VARCHAR(20000)
);

CREATE SEQUENCE eams_appraisal_event_seq START WITH 1 INCREMENT BY 50;

CREATE INDEX eams_appraisal_event_case ON eams_appraisal_event (case_id, id);

CREATE TABLE eams_appraisal_check (
    id          BIGINT          NOT NULL PRIMARY KEY,
    case_id     BIGINT          NOT NULL REFERENCES eams_appraisal_case (id) ON DELETE CASCADE,
    item_id     VARCHAR(50)     NOT NULL,
    verdict     VARCHAR(20)     NOT NULL,
    comment     VARCHAR(20000),
    updated_by  VARCHAR(200)    NOT NULL,
    updated_at  TIMESTAMP       NOT NULL,
    CONSTRAINT eams_appraisal_check_item UNIQUE (case_id, item_id)
);

CREATE SEQUENCE eams_appraisal_check_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE eams_appraisal_document (
    id           BIGINT          NOT NULL PRIMARY KEY,
    case_id      BIGINT          NOT NULL REFERENCES eams_appraisal_case (id) ON DELETE CASCADE,
    slot_id      VARCHAR(50)     NOT NULL,
    revision     INTEGER         NOT NULL,
    file_name    VARCHAR(300)    NOT NULL,
    content_type VARCHAR(200)    NOT NULL,
    size_bytes   BIGINT          NOT NULL,
    sha256       VARCHAR(64)     NOT NULL,
    content      BYTEA           NOT NULL,
    uploaded_by  VARCHAR(200)    NOT NULL,
    uploaded_at  TIMESTAMP       NOT NULL,
    CONSTRAINT eams_appraisal_document_rev UNIQUE (case_id, slot_id, revision)
);

CREATE SEQUENCE eams_appraisal_document_seq START WITH 1 INCREMENT BY 50;
