"""Saving and restoring the main window's layout and view through viewer.core.storage.settings.

Qt's own blobs (saveGeometry, saveState) are stored as base64 strings; whatever Qt refuses
to restore falls back to the default layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from viewer.core.formats.column_names import column_set_key
from viewer.core.query.engine import Query
from viewer.core.storage.settings import MAX_TABLE_LAYOUTS, WindowState
from viewer.ui.common.view_state import ViewState

STATE_VERSION = 1  # the version number passed to QMainWindow.saveState/restoreState
MIN_VISIBLE = 120  # pixels of a restored window that must lie on a screen
# The plain table (#, Name, Role, Country) keeps its layout in WindowState.table_header, as
# before further columns existed; tables with further columns in table_headers.
PLAIN_COLUMNS = column_set_key(("position", "name", "role", "country"))


def to_b64(data: QByteArray) -> str:
    return bytes(data.toBase64()).decode("ascii")


def from_b64(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def capture(
    window: QMainWindow,
    splitter: QSplitter,
    layouts: dict[str, tuple[QByteArray, int, frozenset[str]]],
    state: ViewState,
    grouping: str,
) -> WindowState:
    """The window as it is now, ready to be stored.

    layouts: the table's header state, pane width and the columns the user sized per column
    set (column_set_key), most recent last.
    """
    q = state.query
    plain = layouts.get(PLAIN_COLUMNS)
    kept = dict(list(layouts.items())[-MAX_TABLE_LAYOUTS:])
    kept.pop(PLAIN_COLUMNS, None)
    widths = {k: w for k, (_state, w, _sized) in kept.items() if w}
    sized = {k: sorted(s) for k, (_state, _w, s) in kept.items() if s}
    if plain is not None and plain[1]:
        widths[PLAIN_COLUMNS] = plain[1]
    if plain is not None and plain[2]:
        sized[PLAIN_COLUMNS] = sorted(plain[2])
    return WindowState(
        geometry=to_b64(window.saveGeometry()),
        window_state=to_b64(window.saveState(STATE_VERSION)),
        splitter=to_b64(splitter.saveState()),
        table_header=to_b64(plain[0]) if plain is not None else "",
        table_headers={k: to_b64(v) for k, (v, _w, _s) in kept.items()},
        table_widths=widths,
        table_sized=sized,
        sort_column=q.sort_column,
        sort_descending=q.descending,
        filter_text=q.text,
        facets={key: _sorted_values(values) for key, values in q.facets},
        chart_grouping=grouping,
    )


def _sorted_values(values: frozenset[str | None]) -> list[str | None]:
    return sorted(values, key=lambda v: (v is None, v or ""))


def saved_layouts(saved: WindowState) -> dict[str, tuple[QByteArray, int, frozenset[str]]]:
    """The table's header states, pane widths and sized columns per column set, as capture
    stored them."""
    widths, sized = saved.table_widths, saved.table_sized
    layouts = {
        k: (from_b64(v), widths.get(k, 0), frozenset(sized.get(k, ())))
        for k, v in saved.table_headers.items()
    }
    if saved.table_header:
        plain = PLAIN_COLUMNS
        layouts[plain] = (
            from_b64(saved.table_header),
            widths.get(plain, 0),
            frozenset(sized.get(plain, ())),
        )
    return layouts


def restore_layout(window: QMainWindow, splitter: QSplitter, saved: WindowState) -> bool:
    """Geometry, docks and splitter; False if the geometry was not restored.

    The table's columns are restored by the table itself (saved_layouts), per column set.
    """
    geometry_ok = bool(saved.geometry) and window.restoreGeometry(from_b64(saved.geometry))
    if saved.window_state:
        window.restoreState(from_b64(saved.window_state), STATE_VERSION)
    if saved.splitter:
        splitter.restoreState(from_b64(saved.splitter))
    if geometry_ok:
        clamp_to_screens(window)
    return geometry_ok


def restored_query(state: ViewState, saved: WindowState) -> Query:
    """The saved filter and sort, keeping only the facets and values this document has.

    A sort by a further column this document lacks (saved with another document) becomes
    the source order.
    """
    sortable = state.engine.can_sort_by(saved.sort_column)
    return Query(
        text=saved.filter_text,
        facets={k: state.present_values(k, frozenset(v)) for k, v in saved.facets.items()},
        sort_column=saved.sort_column if sortable else "position",
        descending=saved.sort_descending and sortable,
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
