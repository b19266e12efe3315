-- Schema version 6: recruitment files (candidates, their steps) and the admission targets.
CREATE TABLE candidate (
    id INTEGER NOT NULL PRIMARY KEY,
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
    updated_at DATETIME NOT NULL
);

CREATE TABLE candidate_step (
    id INTEGER NOT NULL PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidate (id),
    step TEXT NOT NULL,
    on_date DATE NOT NULL,
    document_number TEXT NOT NULL DEFAULT '',
    UNIQUE (candidate_id, step)
);

CREATE TABLE recruitment_target (
    id INTEGER NOT NULL PRIMARY KEY,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    target INTEGER NOT NULL
);
