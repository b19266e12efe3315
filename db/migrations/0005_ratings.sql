-- Schema version 5: the yearly rating of members and of the cell.
CREATE TABLE rating_year (
    year INTEGER NOT NULL PRIMARY KEY,
    rating_date DATE NOT NULL,
    cap_percent INTEGER NOT NULL DEFAULT 20,
    cell_level TEXT,
    cell_notes TEXT NOT NULL DEFAULT '',
    updated_at DATETIME NOT NULL
);

CREATE TABLE rating (
    id INTEGER NOT NULL PRIMARY KEY,
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
    updated_at DATETIME NOT NULL,
    UNIQUE (year, member_id)
);
CREATE INDEX ix_rating_member_id ON rating (member_id);
