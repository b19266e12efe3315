"""The form for the cell's names (used at first run and on the settings page)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from khoidesktop.datafile.identity import FIELD_LABELS, REQUIRED, IdentityData
from khoidesktop.datafile.kinds import KINDS, DataFileKind
from khoidesktop.i18n import _

PLACEHOLDERS = {
    "cell_name": "Chi bộ Văn phòng Sở",
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
        # as wide as the form, not as its longest choice: Cài đặt fits 1366×768 at 150 %
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(20)
        self.mode.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for kind in KINDS.values():
            self.mode.addItem(_(kind.title), kind.code)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.mode.activated.connect(self.changed)
        layout.addRow(_("This data file is for:"), self.mode)
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELD_LABELS.items():
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setPlaceholderText(_("e.g. {example}").format(example=PLACEHOLDERS.get(name, "")))
            edit.setMinimumWidth(240)
            edit.textEdited.connect(self.changed)
            mark = " *" if name in REQUIRED else ""
            layout.addRow(_(label) + mark + ":", edit)
            self.edits[name] = edit
        self._mode_changed()  # the first kind's fields, organisation label and example, before any choice

    def kind(self) -> str:
        code: str = self.mode.currentData()  # the item data are the kinds' codes
        return code

    def data_kind(self) -> DataFileKind:
        return KINDS[self.kind()]

    def _mode_changed(self) -> None:
        """Only the names the kind asks for (a bloc is named by its own organisation: no cell name)."""
        kind = self.data_kind()
        for name, edit in self.edits.items():  # a hidden name is kept, for switching back
            self.form_layout.setRowVisible(edit, name in kind.identity_fields)
        org = self.edits["org_name"]
        org.setPlaceholderText(_("e.g. {example}").format(example=kind.org_example))
        above = self.edits["superior_name"]
        above.setPlaceholderText(_("e.g. {example}").format(example=kind.superior_example))
        label = self.form_layout.labelForField(org)
        if not isinstance(label, QLabel):
            raise TypeError("the organisation field has no label")
        label.setText(_(kind.org_label) + " *:")

    def data(self, training: bool = False) -> IdentityData:
        values = {name: edit.text() for name, edit in self.edits.items()}
        return IdentityData(training=training, kind=self.kind(), **values)

    def set_data(self, data: IdentityData) -> None:
        self.mode.setCurrentIndex(self.mode.findData(data.kind))
        for name, edit in self.edits.items():
            edit.setText(getattr(data, name))
        self._mode_changed()
