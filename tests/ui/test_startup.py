"""Start-up: which file opens, and the first-run dialog (driven as a user drives it)."""

from PySide6.QtCore import Qt

from khoidesktop.datafile.create import describe
from khoidesktop.ui.dialogs.first_run import FirstRunDialog
from khoidesktop.ui.startup import free_path, start
from tests.ui.helpers import english_on_screen, type_text, when_modal


def fill_and_create(qtbot, dialog: FirstRunDialog, values: dict[str, str]) -> None:
    assert english_on_screen(dialog) == []
    assert dialog.create_button.text() == "Tạo tệp dữ liệu"
    for name, text in values.items():
        type_text(dialog.form.edits[name], text)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_first_run_creates_the_cells_file(window, ctx, qtbot):
    values = {
        "cell_name": "Chi bộ Văn phòng",
        "org_name": "Đảng bộ Sở Xây dựng",
        "superior_name": "Đảng ủy Ủy ban nhân dân tỉnh",
        "place_name": "Uông Bí",
    }
    when_modal(FirstRunDialog, lambda d: fill_and_create(qtbot, d, values))
    assert start(window, ctx, None, demo=False) is True
    info = describe(ctx.store)
    assert info.path == ctx.paths.default_db
    assert info.identity.place_name == "Uông Bí" and not info.training
    assert ctx.settings.get("last_database") == str(ctx.paths.default_db)
    assert window.windowTitle() == "Khối desktop — Chi bộ Văn phòng"


def test_first_run_form_says_what_is_missing(window, ctx, qtbot):
    def attempt(dialog):
        fill_and_create(qtbot, dialog, {"cell_name": "Chi bộ Văn phòng"})
        assert dialog.isVisible()
        assert dialog.error.text().startswith("Hãy điền: Tổ chức cơ sở đảng")
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    when_modal(FirstRunDialog, attempt)
    assert start(window, ctx, None, demo=False) is False
    assert not ctx.paths.default_db.exists()


def test_first_run_can_open_the_training_data(window, ctx, qtbot):
    when_modal(FirstRunDialog, lambda d: qtbot.mouseClick(d.demo_button, Qt.MouseButton.LeftButton))
    assert start(window, ctx, None, demo=False) is True
    assert describe(ctx.store).training
    assert window.banner.isVisible()
    assert ctx.settings.get("last_database") == ""  # training data never becomes the default file


def test_demo_flag_opens_training_data_without_asking(window, ctx):
    assert start(window, ctx, None, demo=True) is True
    assert ctx.store.path == ctx.paths.demo_db
    assert "DỮ LIỆU TẬP HUẤN" in window.windowTitle()


def test_a_damaged_file_is_explained_then_the_user_can_start_anew(window, ctx, qtbot, tmp_path):
    damaged = tmp_path / "hong.sqlite"
    damaged.write_bytes(b"garbage" * 1000)
    when_modal(FirstRunDialog, lambda d: qtbot.mouseClick(d.quit_button, Qt.MouseButton.LeftButton))
    assert start(window, ctx, damaged, demo=False) is False
    kind, title, text = ctx.prompts.shown[0]
    assert (kind, title) == ("error", "Không mở được tệp dữ liệu")
    assert "bị hỏng" in text
    assert damaged.read_bytes() == b"garbage" * 1000


def test_open_existing_file_from_the_first_run_dialog(window, ctx, qtbot, store):
    path = store.path
    store.close()
    ctx.prompts.files.append(path)
    when_modal(FirstRunDialog, lambda d: qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton))
    assert start(window, ctx, None, demo=False) is True
    assert ctx.store.path == path


def test_free_path_never_reuses_a_taken_name(tmp_path):
    first = tmp_path / "chi-bo.sqlite"
    assert free_path(first) == first
    first.write_bytes(b"")
    assert free_path(first) == tmp_path / "chi-bo-2.sqlite"


def test_a_file_open_in_another_window_is_said_and_nothing_else(window, ctx, store):
    opened_dialogs = []
    when_modal(FirstRunDialog, lambda d: (opened_dialogs.append(d), d.reject()))
    assert start(window, ctx, store.path, demo=False) is False
    assert [(k, t) for k, t, _m in ctx.prompts.shown] == [("error", "Tệp dữ liệu đang được mở")]
    assert opened_dialogs == []


def test_a_missing_last_file_is_mentioned(window, ctx, qtbot, tmp_path):
    ctx.settings.set("last_database", str(tmp_path / "usb" / "chi-bo.sqlite"))
    seen = []

    def look(dialog):
        seen.append(dialog.findChild(type(dialog.error), None) and dialog.layout().itemAt(0).widget().text())
        dialog.reject()

    when_modal(FirstRunDialog, look)
    assert start(window, ctx, None, demo=False) is False
    assert "Không tìm thấy tệp dữ liệu mở lần trước" in seen[0] and "usb" in seen[0]


def test_the_first_run_form_shows_an_example_in_every_field_before_any_choice(window, ctx):
    from khoidesktop.datafile.kinds import CELL

    dialog = FirstRunDialog(ctx, ctx.paths.default_db, window)
    org = dialog.form.edits["org_name"]
    assert org.placeholderText() == f"ví dụ: {CELL.org_example}"  # it was "ví dụ: " until a kind was picked
    shown = [e for e in dialog.form.edits.values() if not e.isHidden()]
    assert shown and all(e.placeholderText() != "ví dụ: " for e in shown)
    dialog.deleteLater()


def test_each_level_is_shown_the_examples_of_its_own_names(window, ctx):
    from khoidesktop.datafile.kinds import KINDS

    dialog = FirstRunDialog(ctx, ctx.paths.default_db, window)
    form = dialog.form
    for kind in KINDS.values():
        form.mode.setCurrentIndex(form.mode.findData(kind.code))
        assert form.edits["org_name"].placeholderText() == f"ví dụ: {kind.org_example}"
        assert form.edits["superior_name"].placeholderText() == f"ví dụ: {kind.superior_example}"
    form.mode.setCurrentIndex(form.mode.findData("superior"))
    assert "Tỉnh ủy" in form.edits["superior_name"].placeholderText()  # a superior's superior is the province
    dialog.deleteLater()
