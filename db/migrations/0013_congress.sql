-- Schema version 13: the congress that opens a term, its elections and the delegates it sends to the superior's
-- congress (DOMAIN.md, Terms, congresses and elections; QĐ 190-QĐ/TW of 2024 with HD 04-HD/TW).

-- The congress (đại hội) of a term: its date and place, the agenda, the presidium, the secretariat and the
-- counting board (one name a line).
CREATE TABLE congress (
    id INTEGER NOT NULL PRIMARY KEY,
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

-- Who is summoned (triệu tập): the official members at a cell, the delegates at a level above. attendance: present,
-- excused (vắng có lý do, with the reason) or absent. member_id: the member record when the program has one.
CREATE TABLE congress_summoned (
    id INTEGER NOT NULL PRIMARY KEY,
    congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL,
    member_id INTEGER REFERENCES member (id),
    attendance TEXT NOT NULL DEFAULT 'present' CHECK (attendance IN ('present', 'excused', 'absent')),
    reason TEXT NOT NULL DEFAULT ''
);

-- The congress's documents (the political report, the committee's review, …) kept with their dates.
-- kind: political_report, committee_review, other.
CREATE TABLE congress_document (
    id INTEGER NOT NULL PRIMARY KEY,
    congress_id INTEGER NOT NULL REFERENCES congress (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('political_report', 'committee_review', 'other')),
    title TEXT NOT NULL,
    dated DATE,
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    added_at DATETIME NOT NULL
);

-- One vote (một lần bầu): of the committee, the secretary or deputy (by the congress or by the new committee),
-- the standing committee, the delegates or their alternates. round: 1, 2 (a round among the tied is runoff = 1;
-- a secretary vote that failed is voted again as round 2, 3). summoned: the number the more-than-half condition
-- counts against (summoned to the congress, or the committee's members).
CREATE TABLE election (
    id INTEGER NOT NULL PRIMARY KEY,
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

-- A candidate of a vote: nominated (by the committee or the congress) or self-nominated; withdrawn before the vote
-- (on the list, not on the ballot); the votes the counting board counted.
CREATE TABLE election_candidate (
    id INTEGER NOT NULL PRIMARY KEY,
    election_id INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL,
    member_id INTEGER REFERENCES member (id),
    nominated TEXT NOT NULL DEFAULT 'nominated' CHECK (nominated IN ('nominated', 'self_nominated')),
    withdrawn BOOLEAN NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    votes INTEGER CHECK (votes >= 0)
);

-- A delegate to the superior's congress chosen at this term's congress: official or alternate, with what the
-- delegation's structure counts (women, ethnic minorities, age, doctorate, religion, probationary).
-- election_id: the vote that chose the delegate (NULL when entered by hand, e.g. a small cell's whole membership).
CREATE TABLE delegate (
    id INTEGER NOT NULL PRIMARY KEY,
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
