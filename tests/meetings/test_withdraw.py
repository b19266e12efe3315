"""A meeting or a topic entered in error is withdrawn with what hangs from it; the audit log keeps the values."""

from datetime import date

import pytest
from sqlalchemy import func, select

from khoidesktop.errors import ValidationError
from khoidesktop.meetings.records import (
    add_topic,
    meeting_withdrawal,
    save_meeting,
    topic_withdrawal,
    withdraw_meeting,
    withdraw_topic,
)
from khoidesktop.store import audit
from khoidesktop.store.models import AuditEntry, Meeting, MeetingAttendance, MeetingSpeaker, ThematicTopic
from tests.meetings.test_records import NOW, cell, meeting  # noqa: F401  (cell: the fixture)


def count(s, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def test_a_meeting_goes_with_its_attendance_speakers_and_vote(cell):  # noqa: F811
    store, ids = cell
    with store.session() as s, s.begin():
        kept = save_meeting(
            s, None, meeting(ids, on_date=date(2026, 5, 5), materials_sent_on=date(2026, 5, 1)), now=NOW, actor="t"
        ).id
        wrong = save_meeting(
            s,
            None,
            meeting(
                ids,
                topic="Nghị quyết tháng 6",
                speakers=[("Trần Thị Bình", "Đồng ý"), ("Lê Văn Cường", "Bổ sung")],
                vote_rule="more_than_half",
                votes_for=4,
                votes_against=0,
                votes_abstain=0,
                resolution="Thông qua",
            ),
            now=NOW,
            actor="t",
        ).id
    with store.session() as s:
        said = meeting_withdrawal(s, wrong)
    assert "02/06/2026" in said and "Nghị quyết tháng 6" in said
    assert f"{len(ids)} đảng viên" in said and "2 người phát biểu" in said and "4 tán thành" in said
    with store.session() as s, s.begin():
        withdraw_meeting(s, wrong, now=NOW, actor="bí thư")
    with store.session() as s:
        assert [m.id for m in s.scalars(select(Meeting))] == [kept]
        assert count(s, MeetingAttendance) == len(ids)  # the other meeting's rows stay
        assert count(s, MeetingSpeaker) == 0
        withdrawn = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).all()
        assert sorted({e.entity for e in withdrawn}) == ["meeting", "meeting_attendance", "meeting_speaker"]
        row = next(e for e in withdrawn if e.entity == "meeting")
        assert (row.entity_id, row.actor) == (wrong, "bí thư")
        assert audit.detail_of(row)["votes_for"] == [4, None]
        assert audit.detail_of(row)["topic"] == ["Nghị quyết tháng 6", None]
        assert audit.detail_of(row)["start_time"] == ["14:00:00", None]  # a time is kept too
        speakers = [audit.detail_of(e)["name"][0] for e in withdrawn if e.entity == "meeting_speaker"]
        assert sorted(speakers) == ["Lê Văn Cường", "Trần Thị Bình"]


def test_a_missing_meeting_is_refused(cell):  # noqa: F811
    store, _ids = cell
    with pytest.raises(ValidationError, match="không còn"), store.session() as s:
        meeting_withdrawal(s, 999)


def test_a_topic_is_withdrawn_unless_a_meeting_dealt_with_it(cell):  # noqa: F811
    store, ids = cell
    with store.session() as s, s.begin():
        held = add_topic(s, 2026, 2, "Học tập và làm theo tư tưởng Hồ Chí Minh", now=NOW).id
        wrong = add_topic(s, 2026, 2, "Chủ đề gõ nhầm", now=NOW).id
        save_meeting(
            s,
            None,
            meeting(ids, kind="thematic", topic="Chuyên đề quý II", thematic_topic_id=held),
            now=NOW,
            actor="t",
        )
    with pytest.raises(ValidationError) as refused, store.session() as s, s.begin():
        withdraw_topic(s, held, now=NOW, actor="t")
    assert "02/06/2026" in str(refused.value) and "Học tập và làm theo" in str(refused.value)
    with store.session() as s:
        assert topic_withdrawal(s, wrong) == "Chủ đề gõ nhầm"
    with store.session() as s, s.begin():
        withdraw_topic(s, wrong, now=NOW, actor="t")
    with store.session() as s:
        assert [t.id for t in s.scalars(select(ThematicTopic))] == [held]
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).one()
        assert (entry.entity, audit.detail_of(entry)["title"]) == ("thematic_topic", ["Chủ đề gõ nhầm", None])
