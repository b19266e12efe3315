-- Schema version 3: a member's history (events), which the member's status follows. History is never
-- erased: no cascade from member.
CREATE TABLE member_event (
    id INTEGER NOT NULL PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    kind TEXT NOT NULL,
    on_date DATE NOT NULL,
    document_number TEXT NOT NULL DEFAULT '',
    level TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_member_event_member_id ON member_event (member_id);
CREATE INDEX ix_member_event_kind ON member_event (kind);
