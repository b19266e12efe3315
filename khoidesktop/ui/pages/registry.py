"""The sidebar's pages, in order: slug (screenshot file name), title, icon, and how to build each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from khoidesktop.context import AppContext
from khoidesktop.i18n import N_
from khoidesktop.ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    slug: str  # the screenshot's file name
    title: str  # msgid
    icon: str  # resources/icons/<icon>.svg
    build: Callable[[AppContext, str], Page]  # imports its module when called: pages are built on demand


def _page(module: str, cls: str) -> Callable[[AppContext, str], Page]:
    """A page class imported on first show (its services and SQLAlchemy load after the window paints)."""

    def build(ctx: AppContext, title: str) -> Page:
        from importlib import import_module

        page: Page = getattr(import_module(f"khoidesktop.ui.pages.{module}"), cls)(ctx, title)
        return page

    return build


# Every page, by the key a kind of data file lists in DataFileKind.pages (datafile/kinds.py), which also decides
# their order in the sidebar.
PAGES: dict[str, PageSpec] = {
    "overview": PageSpec("tong-quan", N_("Overview"), "layout-dashboard", _page("overview", "CellOverviewPage")),
    "members": PageSpec("dang-vien", N_("Party members"), "users", _page("members_page", "MembersPage")),
    "meetings": PageSpec(
        "sinh-hoat-chi-bo", N_("Cell meetings"), "calendar-days", _page("meetings_page", "MeetingsPage")
    ),
    "ratings": PageSpec("danh-gia-xep-loai", N_("Rating"), "award", _page("ratings_page", "RatingsPage")),
    "recruitment": PageSpec(
        "phat-trien-dang-vien", N_("Recruitment"), "user-plus", _page("recruitment_page", "RecruitmentPage")
    ),
    "reports": PageSpec("bao-cao", N_("Reports"), "file-text", _page("reports_page", "ReportsPage")),
    "exchange": PageSpec(
        "trao-doi-du-lieu", N_("Data exchange"), "arrow-left-right", _page("exchange_page", "CellExchangePage")
    ),
    "settings": PageSpec("cai-dat", N_("Settings"), "settings", _page("settings_page", "SettingsPage")),
    "term": PageSpec("nhiem-ky", N_("Term"), "target", _page("term_page", "TermPage")),
    "units-overview": PageSpec("tong-quan", N_("Overview"), "layout-dashboard", _page("overview", "UnitsOverviewPage")),
    "units-list": PageSpec("don-vi", N_("Units"), "network", _page("units_page", "UnitsPage")),
    "units-exchange": PageSpec(
        "trao-doi-du-lieu", N_("Data exchange"), "arrow-left-right", _page("exchange_page", "UnitsExchangePage")
    ),
    "units-reports": PageSpec("bao-cao", N_("Reports"), "file-text", _page("units_reports_page", "UnitsReportsPage")),
}
