"""Báo cáo, on every level above the cells: the documents made from the bundles its units sent for a period (the
members' structure, the ratings of members and of units, recruitment against the targets), each saved as PDF in
the official format; each says which units have sent and which are left out."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import N_, _
from khoidesktop.ui import exchange_actions
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.widgets.election_documents import ElectionDocumentsBox
from khoidesktop.ui.widgets.period_box import UnitsPeriodBox

DOCUMENTS = (
    (
        "bloc-structure",
        N_("Member structure report"),
        N_(
            "The members of every unit that sent, summed: women, ethnic minorities, age bands, education and "
            "political theory, with a row for each unit."
        ),
    ),
    (
        "bloc-ratings",
        N_("Rating report"),
        N_(
            "The members' ratings summed over the units, the excellence cap, the units' own levels and this "
            "level's rating of its units, with their shares."
        ),
    ),
    (
        "bloc-meetings",
        N_("Report on the cells' meetings"),
        N_(
            "The meetings the cells held, by kind, the thematic meetings quarter by quarter (how many cells held "
            "one), the attendance, with a row for each unit."
        ),
    ),
    (
        "bloc-recruitment",
        N_("Recruitment report"),
        N_(
            "Admissions and files in progress summed over the units, against the year's and the term's targets, "
            "with a row for each unit."
        ),
    ),
    (
        "excellence-resolution",
        N_("Resolution recognising the members rated HTXSNV"),
        N_(
            "The committee's decisions on the members its cells proposed as “Hoàn thành xuất sắc nhiệm vụ” "
            "for the period's year (decided on the “Units” page), with the cap over all the cells."
        ),
    ),
    (
        "delegates",
        N_("List of delegates to the congress, from the units"),
        N_(
            "The delegation of this level's congress summed from the lists its units sent up in their bundles "
            "(the latest of each), with its structure and each unit's count."
        ),
    ),
)


class UnitsReportsPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(
            _(
                "Each document sums what the units sent for the period, follows the format of Party documents "
                "(HD 36-HD/VPTW) and says which units are left out because they have not sent."
            )
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Period:"), self))
        self.period_box = UnitsPeriodBox(ctx.today, self)
        row.addWidget(self.period_box)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.buttons: dict[str, QPushButton] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for kind, title_id, about_id in DOCUMENTS:
            box = QGroupBox(_(title_id), self)
            layout = QVBoxLayout(box)
            about = QLabel(_(about_id), box)
            about.setWordWrap(True)
            layout.addWidget(about)
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            button = QPushButton(_("Save as PDF…"), box)
            button.clicked.connect(lambda _c=False, k=kind: self.report(k))
            buttons.addWidget(button)
            layout.addLayout(buttons)
            self.buttons[kind] = button
            self.boxes[kind] = box
            self.layout_.addWidget(box)
        self.elections = ElectionDocumentsBox(ctx, self)  # each stored election's minutes and announcement
        self.buttons.update(self.elections.buttons)
        self.boxes.update({key: self.elections for key in self.elections.buttons})
        self.layout_.addWidget(self.elections)
        self.layout_.addStretch(1)
        self.sent = 0

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        from khoidesktop.units.records import own_kind, unit_rows

        with store.session() as session:
            offered = own_kind(session).documents
            for kind, box in self.boxes.items():
                box.setVisible(kind in offered)  # the level's own documents only (datafile/kinds.py)
            self.period_box.fill(session)
            self.sent = sum(
                row.bundle is not None for row in unit_rows(session, self.period_box.period(), self.ctx.today())
            )
        self.elections.refresh()

    def report(self, kind: str) -> None:
        period = self.period_box.period()
        self.refresh()
        if kind == "delegates":
            from khoidesktop.ui.term_actions import delegates_list

            delegates_list(self, self.ctx, "", from_units=True)  # the current term, whatever the period
            return
        if kind == "excellence-resolution" and not self._resolution_ready(period.year):
            return
        if not self.sent:
            self.ctx.prompts.info(
                _("No figures yet"),
                _("No unit has sent its bundle for {period}: there is nothing to report yet.").format(
                    period=period.label()
                ),
            )
            return
        exchange_actions.bloc_pdf(self, self.ctx, kind, period)

    def _resolution_ready(self, year: int) -> bool:
        """Said before the save dialog, not after: the proposals of the year are all decided."""
        from khoidesktop.errors import ValidationError
        from khoidesktop.units.documents import check_resolution
        from khoidesktop.units.excellence import excellence_list

        try:
            with self.ctx.require_store().session() as session:
                check_resolution(excellence_list(session, year, self.ctx.today()))
        except ValidationError as exc:
            self.ctx.prompts.info(_("The resolution cannot be made yet"), exc.message)
            return False
        return True
