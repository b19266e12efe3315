"""The preview of a member import: what each row will do, and why a row is refused."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.i18n import N_, _, format_number
from khoidesktop.members.sheet_import import ImportPlan
from khoidesktop.ui.dialogs.base import OrderedDialog

ACTIONS = {"add": N_("Add"), "update": N_("Update"), "unchanged": N_("Unchanged"), "reject": N_("Rejected")}
SHOWN_AT_MOST = 2000  # the rejected rows always come first, so none is hidden


class ImportPreviewDialog(OrderedDialog):
    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import members from Excel"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        source = QLabel(_("File: {name} — sheet “{sheet}”").format(name=plan.source.name, sheet=plan.sheet), self)
        source.setObjectName("pageSubtitle")
        layout.addWidget(source)
        summary = QLabel(plan.summary(), self)
        summary.setStyleSheet("font-weight: 600;")
        layout.addWidget(summary)
        rows = sorted(plan.rows, key=lambda r: (r.action != "reject", r.row))
        table = QTableWidget(min(len(rows), SHOWN_AT_MOST), 4, self)
        table.setHorizontalHeaderLabels([_("Row"), _("Will be"), _("Full name"), _("Why")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for index, row in enumerate(rows[:SHOWN_AT_MOST]):
            cells = (str(row.row), _(ACTIONS[row.action]), row.name, " ".join(row.messages))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.action == "reject":
                    item.setForeground(QColor("#b91c1c"))
                table.setItem(index, column, item)
        table.resizeColumnsToContents()
        table.setWordWrap(True)
        layout.addWidget(table, 1)
        if len(rows) > SHOWN_AT_MOST:
            layout.addWidget(QLabel(_("… and {n} more rows.").format(n=format_number(len(rows) - SHOWN_AT_MOST)), self))
        advice = QLabel(self)
        advice.setWordWrap(True)
        if plan.clean:
            advice.setText(_("Nothing is written until you press “Import”; then all rows are written together."))
        else:
            advice.setObjectName("errorText")
            advice.setText(
                _(
                    "The rows in red cannot be imported, so nothing will be imported. Correct them in "
                    "the Excel file, save it, and import it again."
                )
            )
        layout.addWidget(advice)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.import_button = QPushButton(_("Import"), self)
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(plan.clean and (plan.count("add") + plan.count("update")) > 0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.accept)
