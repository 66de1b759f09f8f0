-- Installation-wide settings (installation id, first start). Portable SQL: H2 and PostgreSQL.
CREATE TABLE eams_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP     NOT NULL
);
