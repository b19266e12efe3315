"""The form for the cell's names (used at first run and on the settings page)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from khoidesktop.datafile.identity import FIELD_LABELS, MODES, REQUIRED, IdentityData
from khoidesktop.i18n import _

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
        self.form_layout = layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.setVerticalSpacing(10)
        self.mode = QComboBox(self)
        for kind, label in MODES.items():
            self.mode.addItem(_(label), kind)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.mode.activated.connect(self.changed)
        layout.addRow(_("This data file is for:"), self.mode)
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

    def kind(self) -> str:
        return self.mode.currentData()

    def _mode_changed(self) -> None:
        """A bloc is named by its own organisation: the cell's name is not asked."""
        bloc = self.kind() == "bloc"
        self.form_layout.setRowVisible(self.edits["cell_name"], not bloc)  # kept, for switching back
        org = self.edits["org_name"]
        org.setPlaceholderText(
            _("e.g. {example}").format(example="Đảng bộ Khối các cơ quan tỉnh" if bloc else PLACEHOLDERS["org_name"])
        )
        cell_label = FIELD_LABELS["org_name"]
        label = _("The bloc's Party organisation") if bloc else _(cell_label)
        self.form_layout.labelForField(org).setText(label + " *:")

    def data(self, training: bool = False) -> IdentityData:
        values = {name: edit.text() for name, edit in self.edits.items()}
        return IdentityData(training=training, kind=self.kind(), **values)

    def set_data(self, data: IdentityData) -> None:
        self.mode.setCurrentIndex(self.mode.findData(data.kind))
        for name, edit in self.edits.items():
            edit.setText(getattr(data, name))
        self._mode_changed()
