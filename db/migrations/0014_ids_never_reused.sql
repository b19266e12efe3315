-- Schema version 14: an id is never given twice (issue 15). SQLite gives a new row the highest id plus one, so
-- once the newest member, event, meeting … was withdrawn as entered in error, the next one took its id, and the
-- audit log's entries about the withdrawn record named the new one. AUTOINCREMENT keeps the highest id ever given
-- (sqlite_sequence). Each table is rebuilt as SQLite's documentation says (a new table, its rows copied, the old
-- one dropped, the new one renamed, its indexes made again); foreign keys are off during a migration.
-- The ids withdrawn before this version are not given again either: each table's sequence starts above the
-- highest id its audit entries name. The log gets an index by record: what it kept of a withdrawn one is read
-- by the log's viewer, page by page.

CREATE TABLE "new_identity" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL DEFAULT 'cell',
    cell_name TEXT NOT NULL,
    org_name TEXT NOT NULL,
    superior_name TEXT NOT NULL,
    place_name TEXT NOT NULL,
    secretary_name TEXT NOT NULL DEFAULT '',
    training BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    records_from DATE,
    days_off_adopted BOOLEAN NOT NULL DEFAULT 0 CHECK (days_off_adopted IN (0, 1))
);
INSERT INTO "new_identity" SELECT * FROM "identity";
DROP TABLE "identity";
ALTER TABLE "new_identity" RENAME TO "identity";

CREATE TABLE "new_member_note" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    at DATETIME NOT NULL,
    text TEXT NOT NULL
);
INSERT INTO "new_member_note" SELECT * FROM "member_note";
DROP TABLE "member_note";
ALTER TABLE "new_member_note" RENAME TO "member_note";
CREATE INDEX ix_member_note_member_id ON member_note (member_id);

CREATE TABLE "new_audit_log" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at DATETIME NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_audit_log" SELECT * FROM "audit_log";
DROP TABLE "audit_log";
ALTER TABLE "new_audit_log" RENAME TO "audit_log";
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id);  -- a record's entries, found at once

CREATE TABLE "new_member" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO "new_member" SELECT * FROM "member";
DROP TABLE "member";
ALTER TABLE "new_member" RENAME TO "member";
CREATE INDEX ix_member_sort_key ON member (sort_key);
CREATE INDEX ix_member_search_key ON member (search_key);
CREATE INDEX ix_member_status ON member (status);

CREATE TABLE "new_member_event" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    member_id INTEGER NOT NULL REFERENCES member (id),
    kind TEXT NOT NULL,
    on_date DATE NOT NULL,
    document_number TEXT NOT NULL DEFAULT '',
    level TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
INSERT INTO "new_member_event" SELECT * FROM "member_event";
DROP TABLE "member_event";
ALTER TABLE "new_member_event" RENAME TO "member_event";
CREATE INDEX ix_member_event_member_id ON member_event (member_id);
CREATE INDEX ix_member_event_kind ON member_event (kind);

CREATE TABLE "new_thematic_topic" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    title TEXT NOT NULL,
    created_at DATETIME NOT NULL
);
INSERT INTO "new_thematic_topic" SELECT * FROM "thematic_topic";
DROP TABLE "thematic_topic";
ALTER TABLE "new_thematic_topic" RENAME TO "thematic_topic";
CREATE INDEX ix_thematic_topic_year ON thematic_topic (year);

CREATE TABLE "new_meeting" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    on_date DATE NOT NULL,
    start_time TIME,
    end_time TIME,
    place TEXT NOT NULL DEFAULT '',
    chair TEXT NOT NULL DEFAULT '',
    minute_taker TEXT NOT NULL DEFAULT '',
    guests TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    thematic_topic_id INTEGER REFERENCES thematic_topic (id),
    materials_sent_on DATE,
    content TEXT NOT NULL DEFAULT '',
    conclusion TEXT NOT NULL DEFAULT '',
    resolution TEXT NOT NULL DEFAULT '',
    vote_rule TEXT,
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER,
    minutes_done BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
INSERT INTO "new_meeting" SELECT * FROM "meeting";
DROP TABLE "meeting";
ALTER TABLE "new_meeting" RENAME TO "meeting";
CREATE INDEX ix_meeting_on_date ON meeting (on_date);
CREATE INDEX ix_meeting_thematic_topic_id ON meeting (thematic_topic_id);

CREATE TABLE "new_meeting_attendance" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member (id),
    presence TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, member_id)
);
INSERT INTO "new_meeting_attendance" SELECT * FROM "meeting_attendance";
DROP TABLE "meeting_attendance";
ALTER TABLE "new_meeting_attendance" RENAME TO "meeting_attendance";
CREATE INDEX ix_meeting_attendance_member_id ON meeting_attendance (member_id);

CREATE TABLE "new_meeting_speaker" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    points TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_meeting_speaker" SELECT * FROM "meeting_speaker";
DROP TABLE "meeting_speaker";
ALTER TABLE "new_meeting_speaker" RENAME TO "meeting_speaker";
CREATE INDEX ix_meeting_speaker_meeting_id ON meeting_speaker (meeting_id);

CREATE TABLE "new_rating" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL,
    member_id INTEGER NOT NULL REFERENCES member (id),
    self_level TEXT,
    self_score DOUBLE,
    level TEXT,
    score DOUBLE,
    all_on_time BOOLEAN NOT NULL DEFAULT 1,
    exceeding_percent DOUBLE NOT NULL DEFAULT 0,
    all_done BOOLEAN NOT NULL DEFAULT 1,
    late_percent DOUBLE NOT NULL DEFAULT 0,
    tasks_mostly_undone BOOLEAN NOT NULL DEFAULT 0,
    degradation BOOLEAN NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL, shortcomings_remedied BOOLEAN NOT NULL DEFAULT 1 CHECK (shortcomings_remedied IN (0, 1)), violation BOOLEAN NOT NULL DEFAULT 0 CHECK (violation IN (0, 1)), fault_self_reported BOOLEAN NOT NULL DEFAULT 0 CHECK (fault_self_reported IN (0, 1)),
    UNIQUE (year, member_id)
);
INSERT INTO "new_rating" SELECT * FROM "rating";
DROP TABLE "rating";
ALTER TABLE "new_rating" RENAME TO "rating";
CREATE INDEX ix_rating_member_id ON rating (member_id);

CREATE TABLE "new_candidate" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    full_name TEXT NOT NULL,
    birth_date DATE,
    gender TEXT,
    ethnicity TEXT NOT NULL DEFAULT '',
    religion TEXT NOT NULL DEFAULT '',
    home_town TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    work_unit TEXT NOT NULL DEFAULT '',
    professional_education TEXT,
    political_theory TEXT,
    certificate_on DATE,
    introducer1_id INTEGER REFERENCES member (id),
    introducer1_since DATE,
    introducer2_id INTEGER REFERENCES member (id),
    introducer2_since DATE,
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER,
    official_members INTEGER,
    extended BOOLEAN NOT NULL DEFAULT 0,
    failed_official_votes INTEGER NOT NULL DEFAULT 0,
    member_id INTEGER REFERENCES member (id),
    notes TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    introduction_case TEXT NOT NULL DEFAULT 'members' CHECK (introduction_case IN ('members', 'youth_union', 'trade_union')),
    decision_received_on DATE
);
INSERT INTO "new_candidate" SELECT * FROM "candidate";
DROP TABLE "candidate";
ALTER TABLE "new_candidate" RENAME TO "candidate";

CREATE TABLE "new_candidate_step" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    candidate_id INTEGER NOT NULL REFERENCES candidate (id),
    step TEXT NOT NULL,
    on_date DATE NOT NULL,
    document_number TEXT NOT NULL DEFAULT '',
    UNIQUE (candidate_id, step)
);
INSERT INTO "new_candidate_step" SELECT * FROM "candidate_step";
DROP TABLE "candidate_step";
ALTER TABLE "new_candidate_step" RENAME TO "candidate_step";

CREATE TABLE "new_recruitment_target" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    target INTEGER NOT NULL
);
INSERT INTO "new_recruitment_target" SELECT * FROM "recruitment_target";
DROP TABLE "recruitment_target";
ALTER TABLE "new_recruitment_target" RENAME TO "recruitment_target";

CREATE TABLE "new_exchange_key" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    cell_uid TEXT NOT NULL,
    private_key BLOB NOT NULL,
    public_key BLOB NOT NULL,
    created_at DATETIME NOT NULL
);
INSERT INTO "new_exchange_key" SELECT * FROM "exchange_key";
DROP TABLE "exchange_key";
ALTER TABLE "new_exchange_key" RENAME TO "exchange_key";

CREATE TABLE "new_unit" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO "new_unit" SELECT * FROM "unit";
DROP TABLE "unit";
ALTER TABLE "new_unit" RENAME TO "unit";

CREATE TABLE "new_unit_bundle" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO "new_unit_bundle" SELECT * FROM "unit_bundle";
DROP TABLE "unit_bundle";
ALTER TABLE "new_unit_bundle" RENAME TO "unit_bundle";

CREATE TABLE "new_unit_bundle_file" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    bundle_id INTEGER NOT NULL REFERENCES unit_bundle (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (bundle_id, name)
);
INSERT INTO "new_unit_bundle_file" SELECT * FROM "unit_bundle_file";
DROP TABLE "unit_bundle_file";
ALTER TABLE "new_unit_bundle_file" RENAME TO "unit_bundle_file";

CREATE TABLE "new_unit_rating" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES unit (id),
    year INTEGER NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
    decided_at DATETIME NOT NULL,
    UNIQUE (unit_id, year)
);
INSERT INTO "new_unit_rating" SELECT * FROM "unit_rating";
DROP TABLE "unit_rating";
ALTER TABLE "new_unit_rating" RENAME TO "unit_rating";

CREATE TABLE "new_excellence_decision" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES unit (id),
    year INTEGER NOT NULL,
    full_name TEXT NOT NULL,
    birth_date DATE,
    approved BOOLEAN CHECK (approved IN (0, 1)),
    decided_at DATETIME,
    UNIQUE (unit_id, year, full_name, birth_date)
);
INSERT INTO "new_excellence_decision" SELECT * FROM "excellence_decision";
DROP TABLE "excellence_decision";
ALTER TABLE "new_excellence_decision" RENAME TO "excellence_decision";

CREATE TABLE "new_term" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    congress_on DATE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CHECK (ends_on > starts_on)
);
INSERT INTO "new_term" SELECT * FROM "term";
DROP TABLE "term";
ALTER TABLE "new_term" RENAME TO "term";

CREATE TABLE "new_committee_member" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    term_id INTEGER NOT NULL REFERENCES term (id),
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('secretary', 'deputy', 'standing', 'member')),
    from_date DATE NOT NULL,
    to_date DATE,
    came TEXT NOT NULL CHECK (came IN ('congress', 'added', 'appointed')),
    left_how TEXT CHECK (left_how IN ('moved', 'resigned', 'retired', 'disciplined', 'deceased', 'other')),
    note TEXT NOT NULL DEFAULT '',
    CHECK ((to_date IS NULL) = (left_how IS NULL))
);
INSERT INTO "new_committee_member" SELECT * FROM "committee_member";
DROP TABLE "committee_member";
ALTER TABLE "new_committee_member" RENAME TO "committee_member";

CREATE TABLE "new_term_target" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    term_id INTEGER NOT NULL REFERENCES term (id),
    position INTEGER NOT NULL DEFAULT 0,
    indicator TEXT NOT NULL,
    target DOUBLE NOT NULL CHECK (target >= 0),
    unit TEXT NOT NULL CHECK (unit IN ('percent', 'people', 'cells', 'units', 'meetings')),
    at_most BOOLEAN NOT NULL DEFAULT 0 CHECK (at_most IN (0, 1)),
    computed TEXT
);
INSERT INTO "new_term_target" SELECT * FROM "term_target";
DROP TABLE "term_target";
ALTER TABLE "new_term_target" RENAME TO "term_target";

CREATE TABLE "new_term_target_value" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    target_id INTEGER NOT NULL REFERENCES term_target (id) ON DELETE CASCADE,
    year INTEGER,
    value DOUBLE NOT NULL CHECK (value >= 0),
    UNIQUE (target_id, year)
);
INSERT INTO "new_term_target_value" SELECT * FROM "term_target_value";
DROP TABLE "term_target_value";
ALTER TABLE "new_term_target_value" RENAME TO "term_target_value";

CREATE TABLE "new_day_off" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    on_date DATE NOT NULL UNIQUE
);
INSERT INTO "new_day_off" SELECT * FROM "day_off";
DROP TABLE "day_off";
ALTER TABLE "new_day_off" RENAME TO "day_off";

CREATE TABLE "new_congress" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    term_id INTEGER NOT NULL UNIQUE REFERENCES term (id),
    held_on DATE NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    presidium TEXT NOT NULL DEFAULT '',
    secretariat TEXT NOT NULL DEFAULT '',
    counting_board TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
INSERT INTO "new_congress" SELECT * FROM "congress";
DROP TABLE "congress";
ALTER TABLE "new_congress" RENAME TO "congress";

CREATE TABLE "new_congress_summoned" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL,
    member_id INTEGER REFERENCES member (id),
    attendance TEXT NOT NULL DEFAULT 'present' CHECK (attendance IN ('present', 'excused', 'absent')),
    reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_congress_summoned" SELECT * FROM "congress_summoned";
DROP TABLE "congress_summoned";
ALTER TABLE "new_congress_summoned" RENAME TO "congress_summoned";

CREATE TABLE "new_congress_document" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('political_report', 'committee_review', 'other')),
    title TEXT NOT NULL,
    dated DATE,
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    added_at DATETIME NOT NULL
);
INSERT INTO "new_congress_document" SELECT * FROM "congress_document";
DROP TABLE "congress_document";
ALTER TABLE "new_congress_document" RENAME TO "congress_document";

CREATE TABLE "new_election" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('committee', 'secretary', 'deputy', 'standing', 'delegates', 'alternates')),
    round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
    runoff BOOLEAN NOT NULL DEFAULT 0 CHECK (runoff IN (0, 1)),
    held_on DATE NOT NULL,
    seats INTEGER NOT NULL CHECK (seats >= 1),
    summoned INTEGER NOT NULL CHECK (summoned >= 1),
    present INTEGER NOT NULL CHECK (present >= 0),
    ballots_issued INTEGER NOT NULL DEFAULT 0 CHECK (ballots_issued >= 0),
    ballots_returned INTEGER NOT NULL DEFAULT 0 CHECK (ballots_returned >= 0),
    ballots_valid INTEGER NOT NULL DEFAULT 0 CHECK (ballots_valid >= 0),
    ballots_invalid INTEGER NOT NULL DEFAULT 0 CHECK (ballots_invalid >= 0),
    counting_board TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
INSERT INTO "new_election" SELECT * FROM "election";
DROP TABLE "election";
ALTER TABLE "new_election" RENAME TO "election";

CREATE TABLE "new_election_candidate" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    election_id INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL,
    member_id INTEGER REFERENCES member (id),
    nominated TEXT NOT NULL DEFAULT 'nominated' CHECK (nominated IN ('nominated', 'self_nominated')),
    withdrawn BOOLEAN NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    votes INTEGER CHECK (votes >= 0)
);
INSERT INTO "new_election_candidate" SELECT * FROM "election_candidate";
DROP TABLE "election_candidate";
ALTER TABLE "new_election_candidate" RENAME TO "election_candidate";

CREATE TABLE "new_delegate" (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    term_id INTEGER NOT NULL REFERENCES term (id),
    position INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL,
    alternate BOOLEAN NOT NULL DEFAULT 0 CHECK (alternate IN (0, 1)),
    member_id INTEGER REFERENCES member (id),
    election_id INTEGER REFERENCES election (id) ON DELETE SET NULL,
    gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male')),
    ethnicity TEXT NOT NULL DEFAULT '',
    birth_date DATE,
    professional_education TEXT NOT NULL DEFAULT '',
    religion TEXT NOT NULL DEFAULT '',
    probationary BOOLEAN NOT NULL DEFAULT 0 CHECK (probationary IN (0, 1))
);
INSERT INTO "new_delegate" SELECT * FROM "delegate";
DROP TABLE "delegate";
ALTER TABLE "new_delegate" RENAME TO "delegate";

-- Each sequence above the highest id ever given: the copies above set it to the highest id in the table; an id
-- the audit log names (of a row since withdrawn) may be higher.
CREATE TEMP TABLE named_ids AS
    SELECT entity AS name, max(entity_id) AS seq FROM audit_log WHERE entity_id IS NOT NULL GROUP BY entity;
UPDATE sqlite_sequence SET seq = (SELECT n.seq FROM named_ids AS n WHERE n.name = sqlite_sequence.name)
    WHERE seq < (SELECT n.seq FROM named_ids AS n WHERE n.name = sqlite_sequence.name);
INSERT INTO sqlite_sequence (name, seq)
    SELECT n.name, n.seq FROM named_ids AS n
    WHERE n.name IN (SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%')
      AND n.name NOT IN (SELECT name FROM sqlite_sequence);
DROP TABLE named_ids;
