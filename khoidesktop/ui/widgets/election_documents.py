"""The elections' documents on a Báo cáo page (every level): a stored election chosen from the term's, and its
Biên bản kiểm phiếu or its Thông báo kết quả bầu cử saved as PDF through the one save action."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _, format_date
from khoidesktop.ui.save_file import file_name, save_made_file


class ElectionDocumentsBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(_("Vote-count minutes and the announcement of an election's result"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        about = QLabel(
            _(
                "Of an election recorded on the “Term” page (its votes entered): the counting board's minutes "
                "(Biên bản kiểm phiếu) and the announcement of the result (Thông báo kết quả bầu cử)."
            ),
            self,
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        row = QHBoxLayout()
        row.addStretch(1)
        self.election = QComboBox(self)
        self.election.setMinimumContentsLength(28)
        row.addWidget(self.election)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("vote-count", _("Vote-count minutes…")), ("election-result", _("Announcement…"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, k=key: self.make(k))
            row.addWidget(button)
            self.buttons[key] = button
        layout.addLayout(row)

    def refresh(self) -> None:
        from khoidesktop.terms.elections import election_rows
        from khoidesktop.terms.records import terms

        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            found = [
                (row.id, f"{term.name}: {format_date(row.held_on)} — {row.title}")
                for term in terms(session)
                for row in election_rows(session, term.id)
                if row.result is not None
            ]
        chosen = self.election.currentData()
        self.election.clear()
        for election_id, text in found:
            self.election.addItem(text, election_id)
        if not found:
            self.election.addItem(_("No election with its votes entered yet"), None)
        self.election.setCurrentIndex(max(self.election.findData(chosen), 0))
        self.election.setEnabled(bool(found))
        for button in self.buttons.values():
            button.setEnabled(bool(found))

    def make(self, key: str) -> None:
        from khoidesktop.terms import documents

        election_id = self.election.currentData()
        if election_id is None:
            return
        today = self.ctx.today()
        if key == "vote-count":
            save_made_file(
                self,
                self.ctx,
                title=_("Save the vote-count minutes as PDF"),
                name=file_name("bien-ban-kiem-phieu", str(election_id)),
                label=_("Making the minutes…"),
                make=lambda store, path, progress, cancelled: documents.election_vote_count_pdf(
                    store, path, election_id=election_id, today=today
                ),
            )
        else:
            save_made_file(
                self,
                self.ctx,
                title=_("Save the announcement of the result as PDF"),
                name=file_name("thong-bao-ket-qua-bau-cu", str(election_id)),
                label=_("Making the announcement…"),
                make=lambda store, path, progress, cancelled: documents.election_result_pdf(
                    store, path, election_id=election_id, today=today
                ),
            )
