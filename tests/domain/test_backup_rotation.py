"""The rotation of backups: the newest few, 12 daily, 10 weekly, 12 monthly (issue 15, backups in the window)."""

from datetime import datetime, timedelta

from khoidesktop.domain.backup_rotation import Rotation, backups_to_keep

ONLY_BUCKETS = Rotation(last=1)


def test_two_years_of_a_backup_every_day_keep_12_days_10_weeks_12_months():
    start = datetime(2026, 12, 31, 17, 0)
    times = [start - timedelta(days=n) for n in range(730)]
    kept = sorted(backups_to_keep(times, ONLY_BUCKETS), reverse=True)
    days = [start - timedelta(days=n) for n in range(12)]
    assert kept[:12] == days  # the last 12 days, each its own backup
    weeks = {t for t in kept if t.weekday() == 6}  # the newest of a finished ISO week is its Sunday's
    # 31/12/2026 is a Thursday: its week is still running; the 9 weeks before it end on Sundays 27/12 … 01/11
    assert sorted(weeks, reverse=True)[:9] == [datetime(2026, 12, 27, 17) - timedelta(weeks=n) for n in range(9)]
    month_ends = sorted({t for t in kept if (t + timedelta(days=1)).day == 1}, reverse=True)
    assert [(t.year, t.month) for t in month_ends][:11] == [(2026, m) for m in range(12, 1, -1)]
    assert min(kept) == datetime(2026, 1, 31, 17)  # the 12th month back is January 2026, kept by its last day
    assert len(kept) < 12 + 10 + 12  # buckets overlap: today is also this week's and this month's


def test_a_day_of_30_minute_backups_keeps_the_newest_ones_then_one_per_day():
    day = datetime(2026, 11, 23, 8, 0)
    today = [day + timedelta(minutes=30 * n) for n in range(16)]
    yesterday = [day - timedelta(days=1) + timedelta(minutes=30 * n) for n in range(16)]
    kept = backups_to_keep(today + yesterday, Rotation(last=4))
    assert sorted(kept) == [yesterday[-1], *today[-4:]]  # the day before: only its last backup


def test_days_without_a_backup_do_not_count():
    """A computer left off for seven weeks still keeps the 12 last days on which it worked."""
    worked = [datetime(2026, 3, d, 16) for d in range(1, 13)] + [datetime(2026, 5, 4, 9)]
    kept = backups_to_keep(worked, Rotation(last=1, daily=12, weekly=0, monthly=0))
    assert kept == set(worked[1:])  # 04/05 and 02/03 … 12/03: 12 days; 01/03 is the 13th
    assert datetime(2026, 3, 1, 16) in backups_to_keep(worked, ONLY_BUCKETS)  # the newest of its ISO week (9)


def test_the_newest_backup_is_always_kept_and_nothing_is_kept_twice():
    at = datetime(2026, 11, 23, 9, 30)
    assert backups_to_keep([at, at], Rotation(last=0, daily=0, weekly=0, monthly=0)) == {at}
    assert backups_to_keep([]) == set()
