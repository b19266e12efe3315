-- Schema version 1: the cell's identity, its members and notes on members.
CREATE TABLE identity (
    id INTEGER NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'cell',
    cell_name TEXT NOT NULL,
    org_name TEXT NOT NULL,
    superior_name TEXT NOT NULL,
    place_name TEXT NOT NULL,
    secretary_name TEXT NOT NULL DEFAULT '',
    training BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

CREATE TABLE member (
    id INTEGER NOT NULL PRIMARY KEY,
    full_name TEXT NOT NULL,
    family_name TEXT NOT NULL DEFAULT '',
    middle_name TEXT NOT NULL DEFAULT '',
    given_name TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL,
    search_key TEXT NOT NULL,
    birth_date DATE,
    gender TEXT,
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
    personal_id TEXT,
    phone TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'official',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE INDEX ix_member_sort_key ON member (sort_key);
CREATE INDEX ix_member_search_key ON member (search_key);
CREATE INDEX ix_member_status ON member (status);

CREATE TABLE member_note (
    id INTEGER NOT NULL PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    at DATETIME NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX ix_member_note_member_id ON member_note (member_id);
