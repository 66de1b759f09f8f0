-- Webhooks: administrator-registered URLs told of model changes, with their delivery log
-- (docs/operations/security.md). Portable SQL: H2 and PostgreSQL.
CREATE TABLE eams_webhook (
    id          BIGINT        NOT NULL PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    events      VARCHAR(500)  NOT NULL,
    model_id    VARCHAR(200),
    enabled     BOOLEAN       NOT NULL,
    last_seq    BIGINT        NOT NULL,
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);

CREATE SEQUENCE eams_webhook_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE eams_webhook_delivery (
    id              BIGINT        NOT NULL PRIMARY KEY,
    webhook_id      BIGINT        NOT NULL REFERENCES eams_webhook (id) ON DELETE CASCADE,
    event           VARCHAR(100)  NOT NULL,
    model_id        VARCHAR(200),
    first_seq       BIGINT        NOT NULL,
    last_seq        BIGINT        NOT NULL,
    payload         VARCHAR(1000000) NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP     NOT NULL,
    delivered_at    TIMESTAMP
);

CREATE SEQUENCE eams_webhook_delivery_seq START WITH 1 INCREMENT BY 50;

CREATE INDEX eams_webhook_delivery_due ON eams_webhook_delivery (state, next_attempt_at);
CREATE INDEX eams_webhook_delivery_hook ON eams_webhook_delivery (webhook_id, id);
