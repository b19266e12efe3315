-- The summary format version of each bundle kept (exchange/summary.py reads each version with its own reader).
-- Every bundle imported before this step was made in version 1, the only version there was.
ALTER TABLE bloc_bundle ADD COLUMN format_version INTEGER NOT NULL DEFAULT 1 CHECK (format_version >= 1);
