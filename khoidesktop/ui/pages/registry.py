"""The sidebar's pages, in order: slug (screenshot file name), title, icon, and how to build each."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from khoidesktop.context import AppContext
from khoidesktop.i18n import N_, _
from khoidesktop.ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    slug: str
    title: str  # msgid
    icon: str  # resources/icons/<icon>.svg
    build: Callable[[AppContext, str], Page]  # imports its module when called: pages are built on demand


def _coming(intro: str, *items: str) -> Callable[[AppContext, str], Page]:
    def build(ctx: AppContext, title: str) -> Page:
        from khoidesktop.ui.pages.placeholder import PlaceholderPage

        return PlaceholderPage(ctx, title, _(intro), [_(i) for i in items])
    return build


def _overview(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.overview import OverviewPage

    return OverviewPage(ctx, title)


def _members(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.members_page import MembersPage

    return MembersPage(ctx, title)


def _meetings(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.meetings_page import MeetingsPage

    return MeetingsPage(ctx, title)


def _ratings(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.ratings_page import RatingsPage

    return RatingsPage(ctx, title)


def _recruitment(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.recruitment_page import RecruitmentPage

    return RecruitmentPage(ctx, title)


def _reports(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.reports_page import ReportsPage

    return ReportsPage(ctx, title)


def _settings(ctx: AppContext, title: str) -> Page:
    from khoidesktop.ui.pages.settings_page import SettingsPage

    return SettingsPage(ctx, title)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("tong-quan", N_("Overview"), "layout-dashboard", _overview),
    PageSpec("dang-vien", N_("Party members"), "users", _members),
    PageSpec("sinh-hoat-chi-bo", N_("Cell meetings"), "calendar-days", _meetings),
    PageSpec("danh-gia-xep-loai", N_("Rating"), "award", _ratings),
    PageSpec("phat-trien-dang-vien", N_("Recruitment"), "user-plus", _recruitment),
    PageSpec("bao-cao", N_("Reports"), "file-text", _reports),
    PageSpec("trao-doi-du-lieu", N_("Data exchange"), "arrow-left-right", _coming(
        N_("Sending the cell's data to the superior committee, and receiving it there."),
        N_("A signed data bundle for the superior committee"),
        N_("On the superior committee's computer: importing the cells' bundles and summing them up"))),
    PageSpec("cai-dat", N_("Settings"), "settings", _settings),
)
