"""Hướng dẫn (F1): a short guide, one paragraph per task, saying where in the window each task is done. Enough to
find each task; a full user guide comes later."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from khoidesktop.i18n import N_, _
from khoidesktop.ui.dialogs.base import OrderedDialog

# Each task: its title and where it is done (msgids).
TASKS = (
    (
        N_("Add a member"),
        N_(
            "“Party members” → “Add a member”, or Ctrl+N on that page. Type the full name first; the dates as "
            "dd/mm/yyyy. Many members at once: “Import from Excel…”. Find a member with Ctrl+F: type the name "
            "without accents."
        ),
    ),
    (
        N_("Record a meeting"),
        N_(
            "“Cell meetings” → “Record a meeting” (Ctrl+N) after each meeting: the date and kind, the attendance, "
            "the content, the speakers and the resolution. "
            "Double-click a meeting in the list to open it again; Ctrl+F finds a meeting by its topic."
        ),
    ),
    (
        N_("Rate the members"),
        N_(
            "“Rating” → choose the year, then open each member (double-click or Enter) and choose the level. The "
            "cap on excellence is shown live. The cell's own rating is under the list."
        ),
    ),
    (
        N_("Follow a recruitment file"),
        N_(
            "“Recruitment” → “New recruitment file” (Ctrl+N) for a new candidate; open a file to record each "
            "step with its date. The list shows the next deadline of each file, in working days."
        ),
    ),
    (
        N_("Print a document"),
        N_(
            "“Reports” lists every document the program prints, each with “Save as PDF…”. The pages that have "
            "documents also offer them with “Print (PDF)” (Ctrl+P). The names on the documents are set in "
            "“Settings”."
        ),
    ),
    (
        N_("Send the bundle to the level above"),
        N_(
            "“Data exchange” → choose the period → “Export the bundle…”, then send the .khoi file (USB stick, "
            "e-mail). The level above confirms your key's fingerprint shown on that page."
        ),
    ),
    (
        N_("Back up and restore"),
        N_(
            "Backups are made by themselves (at start and every 30 minutes of work). “Settings” → “Backups” makes "
            "one now, sets a second folder (a USB stick) and restores a backup."
        ),
    ),
    (
        N_("Open another data file"),
        N_(
            "“File” → “Open another data file…” (Ctrl+O), or “Recent files” for one opened before. The training "
            "data is there for practice; it is marked on every page and every document."
        ),
    ),
)


def guide_html() -> str:
    parts = [f"<h3>{escape(_(title))}</h3><p>{escape(_(text))}</p>" for title, text in TASKS]
    return "".join(parts)


class GuideDialog(OrderedDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Guide"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(guide_html())
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(_("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
