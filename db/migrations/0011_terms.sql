-- Schema version 11: the terms (nhiệm kỳ) of the level the data file is (DOMAIN.md, Terms, congresses and elections):
-- each term's dates and congress, its committee members with their dates in office (how they came, how they left),
-- and the targets its congress resolution set, with the figures entered by hand for those the program cannot count.
CREATE TABLE term (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    congress_on DATE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    CHECK (ends_on > starts_on)
);

-- role: secretary (bí thư), deputy (phó bí thư), standing (ủy viên thường vụ), member (cấp ủy viên).
-- came: congress (elected at the congress), added (elected in addition), appointed (by the superior).
-- left_how: NULL while in office, or moved, resigned, retired, disciplined, deceased, other.
CREATE TABLE committee_member (
    id INTEGER NOT NULL PRIMARY KEY,
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

-- unit: percent, people, cells, units, meetings. computed: the figure the program counts (terms/records.py
-- COMPUTED), NULL when the figure is entered by hand per year (term_target_value).
CREATE TABLE term_target (
    id INTEGER NOT NULL PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES term (id),
    position INTEGER NOT NULL DEFAULT 0,
    indicator TEXT NOT NULL,
    target DOUBLE NOT NULL CHECK (target >= 0),
    unit TEXT NOT NULL CHECK (unit IN ('percent', 'people', 'cells', 'units', 'meetings')),
    at_most BOOLEAN NOT NULL DEFAULT 0 CHECK (at_most IN (0, 1)),
    computed TEXT
);

-- A figure entered by hand: for a year of the term, or (year NULL) for the term so far.
CREATE TABLE term_target_value (
    id INTEGER NOT NULL PRIMARY KEY,
    target_id INTEGER NOT NULL REFERENCES term_target (id) ON DELETE CASCADE,
    year INTEGER,
    value DOUBLE NOT NULL CHECK (value >= 0),
    UNIQUE (target_id, year)
);
