-- Schema version 7: the export bundle. A cell keeps its signing key; a bloc (superior committee) keeps
-- its units, the bundles they sent and the files of each bundle exactly as received.
CREATE TABLE exchange_key (
    id INTEGER NOT NULL PRIMARY KEY,
    cell_uid TEXT NOT NULL,
    private_key BLOB NOT NULL,
    public_key BLOB NOT NULL,
    created_at DATETIME NOT NULL
);

CREATE TABLE bloc_unit (
    id INTEGER NOT NULL PRIMARY KEY,
    cell_uid TEXT NOT NULL UNIQUE,
    cell_name TEXT NOT NULL,
    org_name TEXT NOT NULL DEFAULT '',
    public_key BLOB NOT NULL,
    trusted_at DATETIME NOT NULL
);

CREATE TABLE bloc_bundle (
    id INTEGER NOT NULL PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES bloc_unit (id),
    period TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    imported_at DATETIME NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    app_version TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    member_count INTEGER NOT NULL DEFAULT 0,
    UNIQUE (unit_id, period)
);

CREATE TABLE bloc_bundle_file (
    id INTEGER NOT NULL PRIMARY KEY,
    bundle_id INTEGER NOT NULL REFERENCES bloc_bundle (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (bundle_id, name)
);
