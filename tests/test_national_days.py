"""national_days: the national calendar's answers kept in ngay-nghi-le.json, read back at the next start without
loading `holidays`; another holidays version, a damaged file or a folder that cannot be written: asked again."""

import json
from datetime import date, timedelta

from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.national_days import FILE_NAME, kept_years


def test_the_kept_years_are_read_back_and_used_without_holidays(tmp_path):
    plain = WorkCalendar()
    first, last = date(2025, 1, 1), date(2026, 12, 31)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    assert [WorkCalendar(kept=kept_years(tmp_path)).is_working_day(d) for d in days] == [
        plain.is_working_day(d) for d in days
    ]

    def not_loaded():  # type: ignore[no-untyped-def]
        raise AssertionError("holidays was asked although the years were kept")

    again = kept_years(tmp_path)
    assert sorted(again.years) == [2025, 2026]
    for day in days:
        assert ((day.weekday() < 5) != (day in again.differs(day.year, not_loaded))) == plain.is_working_day(day)


def test_another_holidays_version_or_a_damaged_file_is_asked_again(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text('{"holidays": "0.0.1", "years": {"2026": []}}', encoding="utf-8")
    assert kept_years(tmp_path).years == {}  # another version's answers: not used
    path.write_text("{not json", encoding="utf-8")
    kept = kept_years(tmp_path)
    assert kept.years == {}
    assert WorkCalendar(kept=kept).is_working_day(date(2026, 9, 2)) is False  # Quốc khánh, from holidays
    assert "2026-09-02" in json.loads(path.read_text(encoding="utf-8"))["years"]["2026"]  # and kept again


def test_a_folder_that_cannot_be_written_only_means_asking_again(tmp_path):
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    kept = kept_years(blocked)  # its folder cannot be made
    assert WorkCalendar(kept=kept).is_working_day(date(2026, 1, 1)) is False
    assert not (blocked / FILE_NAME).exists()
