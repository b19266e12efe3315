-- Schema version 9: what the regulations re-checked in 2025 ask beyond version 8 (DOMAIN.md, Rating, Recruitment).
-- The month the cell started keeping its records in this file: no reminder is given about earlier months
-- (NULL: the month the file was made).
ALTER TABLE identity ADD COLUMN records_from DATE;
-- QĐ 366: HTXSNV also needs every shortcoming found at the previous review remedied.
ALTER TABLE rating ADD COLUMN shortcomings_remedied BOOLEAN NOT NULL DEFAULT 1 CHECK (shortcomings_remedied IN (0, 1));
-- QĐ 366: violating what members must not do or the duty to set an example is a ground for KHTNV …
ALTER TABLE rating ADD COLUMN violation BOOLEAN NOT NULL DEFAULT 0 CHECK (violation IN (0, 1));
-- … unless the member reported the fault and remedied it in time, which the cell may record.
ALTER TABLE rating ADD COLUMN fault_self_reported BOOLEAN NOT NULL DEFAULT 0 CHECK (fault_self_reported IN (0, 1));
-- Điều lệ Art. 4: who introduces the candidate: two official members, or the Đoàn's (or the trade union's)
-- grassroots committee and one official member.
ALTER TABLE candidate ADD COLUMN introduction_case TEXT NOT NULL DEFAULT 'members'
    CHECK (introduction_case IN ('members', 'youth_union', 'trade_union'));
-- The ceremony's 30 working days count from the day the cell received the admission decision (NULL: its date).
ALTER TABLE candidate ADD COLUMN decision_received_on DATE;
