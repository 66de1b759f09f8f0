-- Accounts, API tokens and security events (docs/operations/security.md). Portable SQL: H2 and
-- PostgreSQL.
CREATE TABLE eams_user (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    username            VARCHAR(100)  NOT NULL,
    display_name        VARCHAR(200)  NOT NULL,
    password_hash       VARCHAR(100),
    role                VARCHAR(20)   NOT NULL,
    agency_id           VARCHAR(200),
    enabled             BOOLEAN       NOT NULL,
    failed_logins       INTEGER       NOT NULL,
    locked_until        TIMESTAMP,
    credentials_version INTEGER       NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    last_login_at       TIMESTAMP,
    CONSTRAINT eams_user_username UNIQUE (username)
);

CREATE SEQUENCE eams_user_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE eams_api_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES eams_user (id),
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    token_prefix VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT eams_api_token_hash UNIQUE (token_hash)
);

CREATE SEQUENCE eams_api_token_seq START WITH 1 INCREMENT BY 50;

CREATE INDEX eams_api_token_user ON eams_api_token (user_id);

-- Sign-ins, sign-outs, lock-outs, account and role changes, tokens created and revoked.
CREATE TABLE eams_security_event (
    id         BIGINT        NOT NULL PRIMARY KEY,
    at         TIMESTAMP     NOT NULL,
    actor      VARCHAR(200)  NOT NULL,
    kind       VARCHAR(40)   NOT NULL,
    subject    VARCHAR(200),
    detail     VARCHAR(1000),
    address    VARCHAR(100)
);

CREATE SEQUENCE eams_security_event_seq START WITH 1 INCREMENT BY 50;

CREATE INDEX eams_security_event_at ON eams_security_event (at);
