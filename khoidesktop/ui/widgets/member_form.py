"""The member profile form: every field of DOMAIN.md, each with its proper widget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QWidget

from khoidesktop.domain.members import EDUCATION, GENDERS, THEORY
from khoidesktop.domain.pick_lists import ETHNICITIES, RELIGIONS
from khoidesktop.domain.recruitment import official_date
from khoidesktop.i18n import _, format_date
from khoidesktop.members.records import FIELD_LABELS, MemberData
from khoidesktop.ui.widgets.fields import ChoiceButtons, CodeCombo, DateField, SuggestCombo, mark_invalid

LEFT = ("full_name", "birth_date", "gender", "ethnicity", "religion", "home_town", "residence", "phone", "personal_id")
RIGHT = (
    "position",
    "work_unit",
    "general_education",
    "professional_education",
    "political_theory",
    "admitted_on",
    "official_on",
    "card_number",
)
DATES = ("birth_date", "admitted_on", "official_on")

Field = DateField | CodeCombo | ChoiceButtons | SuggestCombo | QLineEdit
W = TypeVar("W", bound=QWidget)


class MemberForm(QWidget):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.widgets: dict[str, Field] = {}
        columns = QHBoxLayout(self)
        columns.setSpacing(24)
        for names in (LEFT, RIGHT):
            form = QFormLayout()
            form.setVerticalSpacing(8)
            for name in names:
                widget = self._make(name)
                widget.setObjectName(name)
                self.widgets[name] = widget
                form.addRow(_(FIELD_LABELS[name]) + (" *" if name == "full_name" else "") + ":", widget)
            columns.addLayout(form, 1)
        self.widgets["full_name"].setMinimumWidth(240)
        self._status = "probationary"
        self._official_on: date | None = None  # as loaded: the status follows it only when the user changes it
        self._suggested = ""  # the official date last suggested, as shown
        self._field("admitted_on", DateField).textEdited.connect(self._suggest_official)
        self._field("official_on", DateField).setToolTip(
            _("Suggested once the date admitted is typed: 12 months later, the end of the probation.")
        )

    def _make(self, name: str) -> Field:
        if name in DATES:
            return DateField(self)
        if name == "gender":
            return ChoiceButtons(GENDERS, self)
        if name == "professional_education":
            return CodeCombo(EDUCATION, self)
        if name == "political_theory":
            return CodeCombo(THEORY, self)
        if name == "ethnicity":
            return SuggestCombo(ETHNICITIES, self)
        if name == "religion":
            return SuggestCombo(RELIGIONS, self)
        edit = QLineEdit(self)
        if name == "general_education":
            edit.setPlaceholderText(_("e.g. {example}").format(example="12/12"))
        return edit

    def set_data(self, data: MemberData) -> None:
        for name, widget in self.widgets.items():
            value = getattr(data, name)
            if isinstance(widget, DateField | CodeCombo | ChoiceButtons | SuggestCombo):
                widget.set_value(value)
            else:
                widget.setText(value or "")
        self._status = data.status
        self._official_on = data.official_on
        self._suggested = ""

    def _suggest_official(self) -> None:
        """The official date suggested from the date admitted as it is typed (DOMAIN.md, Recruitment: the probation
        is 12 months, the official date 12 months after; domain.recruitment.official_date), when that day has come:
        a probationary member gets none. A date the user typed there is never replaced."""
        official = self._field("official_on", DateField)
        if official.text() not in ("", self._suggested):
            return
        try:
            admitted = self._field("admitted_on", DateField).value()
        except ValueError:
            return  # not a whole date yet
        due = official_date(admitted) if admitted is not None else None
        self._suggested = format_date(due) if due is not None and due <= self.today() else ""
        official.setText(self._suggested)

    def set_dates(self, admitted_on: date | None, official_on: date | None) -> None:
        """The dates an event fills in, as the data file now holds them."""
        self._field("admitted_on", DateField).set_value(admitted_on)
        self._field("official_on", DateField).set_value(official_on)
        self._official_on = official_on

    def _field(self, name: str, kind: type[W]) -> W:
        widget = self.widgets[name]
        if not isinstance(widget, kind):
            raise TypeError(f"field {name} is not a {kind.__name__}")
        return widget

    def data(self) -> tuple[MemberData | None, dict[str, str]]:
        """The typed values, or the fields that cannot be read (field → message)."""
        dates: dict[str, date | None] = {}
        errors: dict[str, str] = {}
        for name in DATES:
            try:
                dates[name] = self._field(name, DateField).value()
            except ValueError as exc:
                errors[name] = f"{_(FIELD_LABELS[name])}: {exc}"
        if errors:
            return None, errors

        def text(name: str) -> str:
            return self._field(name, QLineEdit).text()

        def code(name: str) -> str | None:
            return self._field(name, CodeCombo).value()

        def choice(name: str) -> str | None:
            return self._field(name, ChoiceButtons).value()

        def suggested(name: str) -> str:
            return self._field(name, SuggestCombo).value()

        status = self._status
        if status in ("official", "probationary") and dates["official_on"] != self._official_on:
            status = "official" if dates["official_on"] else "probationary"  # membership follows a date typed in
        data = MemberData(
            full_name=text("full_name"),
            birth_date=dates["birth_date"],
            gender=choice("gender"),
            ethnicity=suggested("ethnicity"),
            religion=suggested("religion"),
            home_town=text("home_town"),
            residence=text("residence"),
            position=text("position"),
            work_unit=text("work_unit"),
            general_education=text("general_education"),
            professional_education=code("professional_education"),
            political_theory=code("political_theory"),
            admitted_on=dates["admitted_on"],
            official_on=dates["official_on"],
            card_number=text("card_number"),
            personal_id=text("personal_id"),
            phone=text("phone"),
            status=status,
        )
        return data, {}

    def show_problems(self, fields: set[str]) -> None:
        for name, widget in self.widgets.items():
            mark_invalid(widget, name in fields)
