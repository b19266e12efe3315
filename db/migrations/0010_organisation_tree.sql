-- Schema version 10: the organisation tree (DOMAIN.md, Organisation). A data file is one level of the tree: a cell,
-- a chi bộ cơ sở, a grassroots committee, a superior committee (what was called a bloc) or a province committee.
UPDATE identity SET kind = 'superior' WHERE kind = 'bloc';

-- The units of a level above the cells. A unit can be expected before its first bundle (added by hand: no id and
-- no key yet), renamed, merged into another or closed; its history stays. `kind` is the level the unit is.
CREATE TABLE unit (
    id INTEGER NOT NULL PRIMARY KEY,
    uid TEXT UNIQUE,
    name TEXT NOT NULL,
    org_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'cell',
    public_key BLOB,
    trusted_at DATETIME,
    added_at DATETIME NOT NULL,
    closed_on DATE,
    merged_into INTEGER REFERENCES unit (id),
    CHECK ((uid IS NULL) = (public_key IS NULL))
);
INSERT INTO unit (id, uid, name, org_name, kind, public_key, trusted_at, added_at)
    SELECT id, cell_uid, cell_name, org_name, 'cell', public_key, trusted_at, trusted_at FROM bloc_unit;

CREATE TABLE unit_bundle (
    id INTEGER NOT NULL PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES unit (id),
    period TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    imported_at DATETIME NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    app_version TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    member_count INTEGER NOT NULL DEFAULT 0,
    format_version INTEGER NOT NULL DEFAULT 1 CHECK (format_version >= 1),
    UNIQUE (unit_id, period)
);
INSERT INTO unit_bundle SELECT id, unit_id, period, created_at, imported_at, manifest_sha256, app_version, file_name,
    member_count, format_version FROM bloc_bundle;

CREATE TABLE unit_bundle_file (
    id INTEGER NOT NULL PRIMARY KEY,
    bundle_id INTEGER NOT NULL REFERENCES unit_bundle (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (bundle_id, name)
);
INSERT INTO unit_bundle_file SELECT id, bundle_id, name, sha256, content FROM bloc_bundle_file;

DROP TABLE bloc_bundle_file;
DROP TABLE bloc_bundle;
DROP TABLE bloc_unit;

-- The level's own rating of each of its units for a year (QĐ 366: the superior rates the organisations under it).
CREATE TABLE unit_rating (
    id INTEGER NOT NULL PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES unit (id),
    year INTEGER NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
    decided_at DATETIME NOT NULL,
    UNIQUE (unit_id, year)
);

-- A grassroots committee's decision on each member its cells proposed as HTXSNV (the excellence cap is its to
-- decide across its cells): approved, or not (NULL: not decided yet).
CREATE TABLE excellence_decision (
    id INTEGER NOT NULL PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES unit (id),
    year INTEGER NOT NULL,
    full_name TEXT NOT NULL,
    birth_date DATE,
    approved BOOLEAN CHECK (approved IN (0, 1)),
    decided_at DATETIME,
    UNIQUE (unit_id, year, full_name, birth_date)
);
