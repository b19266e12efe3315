-- Schema version 4: the cell's meetings (minutes, attendance, speakers) and the yearly thematic plan.
CREATE TABLE thematic_topic (
    id INTEGER NOT NULL PRIMARY KEY,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    title TEXT NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX ix_thematic_topic_year ON thematic_topic (year);

CREATE TABLE meeting (
    id INTEGER NOT NULL PRIMARY KEY,
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
CREATE INDEX ix_meeting_on_date ON meeting (on_date);
CREATE INDEX ix_meeting_thematic_topic_id ON meeting (thematic_topic_id);

CREATE TABLE meeting_attendance (
    id INTEGER NOT NULL PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member (id),
    presence TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, member_id)
);
CREATE INDEX ix_meeting_attendance_member_id ON meeting_attendance (member_id);

CREATE TABLE meeting_speaker (
    id INTEGER NOT NULL PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    points TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_meeting_speaker_meeting_id ON meeting_speaker (meeting_id);
