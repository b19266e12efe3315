-- Schema version 12: the local days off (besides the national holidays) belong to the data file, not to a computer:
-- a backup carries them, and the file opened on another computer counts the same working days (deadlines of the
-- recruitment files, the reports). The program reads each computer's old setting into a file once
-- (identity.days_off_adopted, set when it has).
CREATE TABLE day_off (
    id INTEGER NOT NULL PRIMARY KEY,
    on_date DATE NOT NULL UNIQUE
);
ALTER TABLE identity ADD COLUMN days_off_adopted BOOLEAN NOT NULL DEFAULT 0 CHECK (days_off_adopted IN (0, 1));
