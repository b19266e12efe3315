-- Schema version 2: the audit log; member rebuilt with checks on gender and the 12-digit personal ID.
-- (The runner keeps foreign keys off during a step, so dropping the old member table does not cascade
-- into member_note, and checks the links before committing.)
CREATE TABLE audit_log (
    id INTEGER NOT NULL PRIMARY KEY,
    at DATETIME NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE TABLE member_new (
    id INTEGER NOT NULL PRIMARY KEY,
    full_name TEXT NOT NULL,
    family_name TEXT NOT NULL DEFAULT '',
    middle_name TEXT NOT NULL DEFAULT '',
    given_name TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL,
    search_key TEXT NOT NULL,
    birth_date DATE,
    gender TEXT CHECK (gender IN ('male', 'female')),
    ethnicity TEXT NOT NULL DEFAULT '',
    religion TEXT NOT NULL DEFAULT '',
    home_town TEXT NOT NULL DEFAULT '',
    residence TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    work_unit TEXT NOT NULL DEFAULT '',
    general_education TEXT NOT NULL DEFAULT '',
    professional_education TEXT,
    political_theory TEXT,
    admitted_on DATE,
    official_on DATE,
    card_number TEXT UNIQUE,
    personal_id TEXT CHECK (personal_id IS NULL
                            OR (length(personal_id) = 12 AND personal_id NOT GLOB '*[^0-9]*')),
    phone TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'official',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
-- Values a version-1 file may hold that the checks refuse are cleared, not lost silently: they go to
-- the member's notes first.
INSERT INTO member_note (member_id, at, text)
    SELECT id, datetime('now', 'localtime'), 'Số định danh cũ không hợp lệ, đã bỏ khi nâng cấp: ' || personal_id
    FROM member
    WHERE personal_id IS NOT NULL
      AND NOT (length(personal_id) = 12 AND personal_id NOT GLOB '*[^0-9]*');
INSERT INTO member_note (member_id, at, text)
    SELECT id, datetime('now', 'localtime'), 'Giới tính cũ không hợp lệ, đã bỏ khi nâng cấp: ' || gender
    FROM member
    WHERE gender IS NOT NULL AND gender NOT IN ('male', 'female');
INSERT INTO member_new
    SELECT id, full_name, family_name, middle_name, given_name, sort_key, search_key, birth_date,
           CASE WHEN gender IN ('male', 'female') THEN gender END,
           ethnicity, religion, home_town, residence, position, work_unit, general_education,
           professional_education, political_theory, admitted_on, official_on, card_number,
           CASE WHEN length(personal_id) = 12 AND personal_id NOT GLOB '*[^0-9]*' THEN personal_id END,
           phone, status, created_at, updated_at
    FROM member;
DROP TABLE member;
ALTER TABLE member_new RENAME TO member;
CREATE INDEX ix_member_sort_key ON member (sort_key);
CREATE INDEX ix_member_search_key ON member (search_key);
CREATE INDEX ix_member_status ON member (status);
