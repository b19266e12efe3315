"""The one save action every page uses: the last folder remembered, a name made of the document and its period,
the file made off the GUI thread, then the offer to open it."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from khoidesktop.paths import documents_dir
from khoidesktop.ui import meeting_actions, rating_actions, save_file
from khoidesktop.ui.save_file import file_name
from khoidesktop.ui.tasks import Task


def _asked_to_open(ctx):
    return lambda: any(kind == "confirm" for kind, _t, _m in ctx.prompts.shown)


def test_the_name_says_the_document_and_its_period():
    assert file_name("bao-cao-sinh-hoat", 2026, "quy-4") == "bao-cao-sinh-hoat-2026-quy-4.pdf"
    assert file_name("bao-cao-sinh-hoat", 2026, None) == "bao-cao-sinh-hoat-2026.pdf"
    assert file_name("goi", "2025-Q3", suffix=".khoi") == "goi-2025-Q3.khoi"


def test_the_second_save_starts_in_the_folder_of_the_first(qtbot, window, ctx, demo_store, tmp_path):
    window.set_store(demo_store)
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    ctx.prompts.files.append(folder / "xep-loai")  # typed without ".pdf": it is added
    ctx.prompts.confirmations.append(False)  # do not open it
    rating_actions.report(window, ctx, 2025)
    qtbot.waitUntil(_asked_to_open(ctx), timeout=20_000)
    # no folder remembered yet: the user's documents, never the program's folder (issue 14, item 12)
    assert ctx.prompts.suggested == [str(documents_dir() / "bao-cao-xep-loai-2025.pdf")]
    made = folder / "xep-loai.pdf"
    assert "XẾP LOẠI" in PdfReader(made).pages[0].extract_text().upper()
    assert ctx.settings.get("last_folder") == str(folder)

    ctx.prompts.shown.clear()
    ctx.prompts.files.append(folder / "sinh-hoat-q4.pdf")
    ctx.prompts.confirmations.append(False)
    meeting_actions.meetings_report_pdf(window, ctx, 2026, 4)
    qtbot.waitUntil(_asked_to_open(ctx), timeout=20_000)
    assert Path(ctx.prompts.suggested[-1]) == folder / "bao-cao-sinh-hoat-2026-quy-4.pdf"
    assert (folder / "sinh-hoat-q4.pdf").is_file()
    _kind, title, text = ctx.prompts.shown[-1]
    assert title == "Đã lưu" and "sinh-hoat-q4.pdf" in text


def test_cancelling_the_dialog_makes_nothing(window, ctx, demo_store, tmp_path):
    window.set_store(demo_store)
    before = set(tmp_path.rglob("*"))
    ctx.prompts.files.append(None)
    rating_actions.rating_list(window, ctx, 2025)
    # the dialog was shown, then closed
    assert [Path(p).name for p in ctx.prompts.suggested] == ["danh-sach-de-nghi-xep-loai-2025.pdf"]
    assert ctx.prompts.shown == [] and window.findChildren(Task) == []  # no work started
    assert set(tmp_path.rglob("*")) - before == set() and ctx.settings.get("last_folder") == ""


def test_every_save_dialog_of_the_window_is_the_one_save_action():
    """Only ui/save_file.py asks where to save: every page gets the same folder memory, names and offer to open."""
    ui = Path(save_file.__file__).parent
    callers = sorted(
        str(path.relative_to(ui)) for path in ui.rglob("*.py") if ".save_file(" in path.read_text(encoding="utf-8")
    )
    assert callers == ["save_file.py"]


def test_a_file_cannot_be_saved_onto_the_data_file(window, ctx, demo_store, tmp_path):
    """A PDF saved through a link to the data file, or into its backups, would destroy records: refused with a
    Vietnamese message, the data file left as it was."""
    window.set_store(demo_store)
    before = demo_store.path.read_bytes()
    link = tmp_path / "loi-tat.pdf"
    link.symlink_to(demo_store.path)
    backups = demo_store.path.parent / "backups"
    backups.mkdir(exist_ok=True)
    # (the data file's own name gets ".pdf" added, so it is a new file beside it; a link or a backup's folder is not)
    for target in (link, backups / "x.pdf"):
        ctx.prompts.files.append(target)
        rating_actions.report(window, ctx, 2025)
        kind, _title, text = ctx.prompts.shown[-1]
        assert kind == "error" and "tệp dữ liệu của chương trình" in text
        assert window.findChildren(Task) == []  # nothing started
    assert demo_store.path.read_bytes() == before
