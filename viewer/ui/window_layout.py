"""Saving and restoring the main window's layout and view through viewer.core.settings.

Qt's own blobs (saveGeometry, saveState) are stored as base64 strings; whatever Qt refuses
to restore falls back to the default layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from viewer.core.query import Query
from viewer.core.settings import WindowState
from viewer.ui.view_state import ViewState

STATE_VERSION = 1  # the version number passed to QMainWindow.saveState/restoreState
MIN_VISIBLE = 120  # pixels of a restored window that must lie on a screen


def to_b64(data: QByteArray) -> str:
    return bytes(data.toBase64()).decode("ascii")


def from_b64(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def capture(
    window: QMainWindow, splitter: QSplitter, header: QHeaderView, state: ViewState, grouping: str
) -> WindowState:
    """The window as it is now, ready to be stored."""
    q = state.query
    return WindowState(
        geometry=to_b64(window.saveGeometry()),
        window_state=to_b64(window.saveState(STATE_VERSION)),
        splitter=to_b64(splitter.saveState()),
        table_header=to_b64(header.saveState()),
        sort_column=q.sort_column,
        sort_descending=q.descending,
        filter_text=q.text,
        countries=_sorted_values(q.countries),
        roles=_sorted_values(q.roles),
        chart_grouping=grouping,
    )


def _sorted_values(values: frozenset[str | None]) -> list[str | None]:
    return sorted(values, key=lambda v: (v is None, v or ""))


def restore_layout(
    window: QMainWindow, splitter: QSplitter, header: QHeaderView, saved: WindowState
) -> bool:
    """Geometry, docks, splitter and columns; False if the geometry was not restored."""
    geometry_ok = bool(saved.geometry) and window.restoreGeometry(from_b64(saved.geometry))
    if saved.window_state:
        window.restoreState(from_b64(saved.window_state), STATE_VERSION)
    if saved.splitter:
        splitter.restoreState(from_b64(saved.splitter))
    if saved.table_header:
        header.restoreState(from_b64(saved.table_header))
    if geometry_ok:
        clamp_to_screens(window)
    return geometry_ok


def restored_query(state: ViewState, saved: WindowState) -> Query:
    """The saved filter and sort, keeping only countries and roles this document has."""
    return Query(
        text=saved.filter_text,
        countries=state.present_values("country", frozenset(saved.countries)),
        roles=state.present_values("role", frozenset(saved.roles)),
        sort_column=saved.sort_column,
        descending=saved.sort_descending,
    )


def clamp_to_screens(window: QMainWindow) -> None:
    """Keep a restored window on a screen that exists now, no larger than that screen."""
    if window.isMaximized() or window.isFullScreen():
        return
    frame = window.geometry()
    screen = QGuiApplication.screenAt(frame.center()) or _best_screen(frame)
    if screen is None:
        return
    avail = screen.availableGeometry()
    width = min(frame.width(), avail.width())
    height = min(frame.height(), avail.height())
    x = min(max(frame.x(), avail.left()), avail.right() - width + 1)
    y = min(max(frame.y(), avail.top()), avail.bottom() - height + 1)
    if _overlap(QRect(frame.x(), frame.y(), width, height), avail) < MIN_VISIBLE**2:
        x, y = avail.x() + (avail.width() - width) // 2, avail.y() + (avail.height() - height) // 2
    window.setGeometry(x, y, width, height)


def _best_screen(frame: QRect):
    screens = QGuiApplication.screens()
    if not screens:
        return None
    return max(screens, key=lambda s: _overlap(frame, s.availableGeometry()))


def _overlap(a: QRect, b: QRect) -> int:
    inter = a.intersected(b)
    return max(inter.width(), 0) * max(inter.height(), 0)


def default_geometry(window: QMainWindow) -> bool:
    """Size a window that has no saved geometry; True if it should open maximized."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry()
    width, height = min(1500, int(avail.width() * 0.9)), min(960, int(avail.height() * 0.9))
    window.resize(width, height)
    window.move(
        avail.x() + (avail.width() - width) // 2, avail.y() + (avail.height() - height) // 2
    )
    return avail.width() < 1600 or avail.height() < 1000  # a laptop: use the whole screen
