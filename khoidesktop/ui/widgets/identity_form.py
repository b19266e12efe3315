"""The form for the cell's names (used at first run and on the settings page)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from khoidesktop.i18n import _
from khoidesktop.services.identity import FIELD_LABELS, REQUIRED, IdentityData

PLACEHOLDERS = {
    "cell_name": "Chi bộ Văn phòng Sở",
    "org_name": "Đảng bộ Sở Tài chính",
    "superior_name": "Đảng ủy Ủy ban nhân dân tỉnh",
    "place_name": "Hạ Long",
    "secretary_name": "Nguyễn Văn An",
}


class IdentityForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.setVerticalSpacing(10)
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELD_LABELS.items():
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setPlaceholderText(_("e.g. {example}").format(example=PLACEHOLDERS[name]))
            edit.setMinimumWidth(360)
            edit.textEdited.connect(self.changed)
            mark = " *" if name in REQUIRED else ""
            layout.addRow(_(label) + mark + ":", edit)
            self.edits[name] = edit

    def data(self, training: bool = False) -> IdentityData:
        values = {name: edit.text() for name, edit in self.edits.items()}
        return IdentityData(training=training, **values)

    def set_data(self, data: IdentityData) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(data, name))
