"""The chart dock: bars follow the filter, a click on a bar filters, hover explains."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QToolTip
from uihelp import open_window, type_filter

from viewer.core.model import Document, Signatory, numbered
from viewer.core.query.engine import Query, QueryEngine
from viewer.ui.chart.bar_chart import TIP_MS
from viewer.ui.chart.chart_data import bar_tooltip, chart_bars, universe
from viewer.ui.chart.chart_dock import ChartPanel
from viewer.ui.common.view_state import ViewState


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def _plot(window):
    return window.chart.plot


def _bar_index(plot, label: str) -> int:
    return next(i for i, b in enumerate(plot.bars) if b.label == label)


def _click_bar(qtbot, plot, label: str) -> None:
    """A real mouse click on the middle of the bar, sent to the plot's viewport."""
    pos = plot.mapFromScene(plot.bar_centre(_bar_index(plot, label)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _counted(plot) -> int:
    return sum(b.count for b in plot.bars if b.counted)


def test_dock_is_named_and_reachable_from_the_view_menu(window):
    dock = window.findChild(object, "countryChart")
    assert dock is window.chart_dock
    assert dock.windowTitle() == "Countries"
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert dock.toggleViewAction() in view_menu.actions()
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    dock.toggleViewAction().trigger()
    assert dock.isVisible()


def test_one_bar_per_country_plus_not_stated_sorted_by_count(window, bundled):
    plot = _plot(window)
    counts = Counter(s.country for s in bundled.signatories)
    assert len(plot.bars) == len(bundled.countries) + 1 == 24
    assert {b.label: b.count for b in plot.bars} == {
        ("Not stated" if c is None else c): n for c, n in counts.items()
    }
    shown = [b.count for b in plot.bars]
    assert shown == sorted(shown, reverse=True)


def test_clicking_the_germany_bar_filters_to_germany(qtbot, window, bundled):
    plot = _plot(window)
    _click_bar(qtbot, plot, "Germany")
    germans = [s for s in bundled.signatories if s.country == "Germany"]
    assert len(germans) == 11
    assert window.table.model().rowCount() == len(germans)
    assert window.state.query.facet_values("country") == frozenset({"Germany"})
    chosen = [b.label for b in plot.bars if b.chosen]
    assert chosen == ["Germany"]
    assert [b.label for b in plot.bars if b.counted] == ["Germany"]
    assert window.status_count.text() == "Showing 11 of 158 signatories \u00b7 1 country"
    # A second click on it removes it again.
    _click_bar(qtbot, plot, "Germany")
    assert window.table.model().rowCount() == len(bundled.signatories)


def test_clicking_a_second_bar_adds_that_country(qtbot, window, bundled):
    plot = _plot(window)
    _click_bar(qtbot, plot, "Germany")
    _click_bar(qtbot, plot, "Spain")
    expected = sum(1 for s in bundled.signatories if s.country in ("Germany", "Spain"))
    assert window.table.model().rowCount() == expected == 16
    assert _counted(plot) == expected


QUERIES = [
    Query(),
    Query(text="malaysia"),
    Query(text="member"),
    Query(text="xyz"),
    Query(facets={"country": frozenset({"Germany"})}),
    Query(facets={"country": frozenset({"Germany", None})}),
    Query(facets={"role": frozenset({"Senator"})}),
    Query(
        text="parliament",
        facets={"country": frozenset({"Spain", "Malaysia"}), "role": frozenset({None})},
    ),
]


@pytest.mark.parametrize("facet", ["country", "role"])
def test_counted_bars_always_sum_to_the_shown_rows(window, facet):
    window.chart.set_grouping(facet)
    for query in QUERIES:
        window.state.set_query(query)
        assert _counted(_plot(window)) == window.table.model().rowCount(), query


def test_hover_says_name_count_and_share(qtbot, window, bundled):
    plot = _plot(window)
    malaysians = sum(1 for s in bundled.signatories if s.country == "Malaysia")
    share = f"{100 * malaysians / len(bundled.signatories):.1f}"
    pos = plot.mapFromScene(plot.bar_centre(_bar_index(plot, "Malaysia")))
    qtbot.mouseMove(plot.viewport(), pos)
    qtbot.waitUntil(QToolTip.isVisible)
    assert f"Malaysia: {malaysians} signatories ({share}%)" in QToolTip.text()
    assert "Malaysia: 60 signatories (38.0%)" in QToolTip.text()


def test_grouping_by_role(qtbot, window, bundled):
    window.chart.grouping.setCurrentIndex(1)
    plot = _plot(window)
    roles = Counter(s.role for s in bundled.signatories)
    assert {b.label: b.count for b in plot.bars} == {
        ("Not stated" if r is None else r): n for r, n in roles.items()
    }
    assert window.chart_dock.windowTitle() == "Roles"
    _click_bar(qtbot, plot, "Senator")
    assert window.state.query.facet_values("role") == frozenset({"Senator"})


def test_chart_follows_the_text_filter(qtbot, window):
    type_filter(qtbot, window, "malaysia")
    assert [(b.label, b.count) for b in _plot(window).bars] == [("Malaysia", 60)]


def test_chart_colours_come_from_the_palette(window):
    plot = _plot(window)
    base = plot.palette().color(QPalette.ColorRole.Base)
    assert plot.backgroundBrush().color() == base
    dark = QPalette(plot.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    plot.setPalette(dark)
    assert plot.backgroundBrush().color() == QColor("#1e1e1e")
    assert plot.item.name_colour == QColor("#eeeeee")


def _many_countries(n_countries: int, per: int = 3) -> Document:
    people = [
        Signatory(f"Person {c}-{i}", "MP", f"Land {c:03d}")
        for c in range(n_countries)
        for i in range(per + (n_countries - c) // 10)
    ]
    return Document(signatories=numbered(people))


def test_many_countries_fold_into_other_and_labels_fit(qtbot):
    doc = _many_countries(120)
    state = ViewState(doc)
    panel = ChartPanel(state)
    qtbot.addWidget(panel)
    panel.resize(320, 420)
    panel.show()
    qtbot.waitExposed(panel)
    plot = panel.plot
    assert len(plot.bars) <= plot.rows_that_fit()
    row_px = plot.viewport().height() / max(len(plot.bars), 1)
    assert row_px >= QFontMetrics(plot.font()).height()  # one readable line per bar
    other = plot.bars[-1]
    assert other.label == f"Other ({other.folded} countries)"
    assert len(plot.bars) - 1 + other.folded == 120
    assert _counted(plot) == len(doc.signatories)
    # A chosen small country stays its own bar, and still the shown rows add up.
    state.set_facet("country", frozenset({"Land 119"}))
    assert "Land 119" in [b.label for b in plot.bars]
    assert _counted(plot) == len(state.result)


def test_chart_data_rules(bundled):
    engine = QueryEngine(bundled)
    result = engine.run(Query())
    bars = chart_bars(result, "country", max_bars=10)
    assert len(bars) == 10
    assert bars[-1].label == f"Other ({bars[-1].folded} countries)"
    assert any(b.is_missing for b in bars)  # "not stated" is never folded away
    assert sum(b.count for b in bars) == len(result)
    malaysia = next(b for b in bars if b.label == "Malaysia")
    assert (
        bar_tooltip(malaysia, universe(bars)).splitlines()[0] == "Malaysia: 60 signatories (38.0%)"
    )


def test_empty_result_says_there_is_nothing_to_count(qtbot, window):
    type_filter(qtbot, window, "xyz")
    empty = window.findChild(object, "chartEmpty")
    assert empty.isVisible() and not _plot(window).isVisible()
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_Escape)
    assert _plot(window).isVisible() and not empty.isVisible()


def test_every_count_label_stays_inside_the_chart_after_a_resize(qtbot, window):
    plot = _plot(window)
    view = plot.getPlotItem().getViewBox()
    window.resize(window.width() + 200, window.height())  # room to narrow the dock in
    wide = view.width()
    window.resizeDocks(
        [window.chart_dock], [window.chart_dock.width() + 120], Qt.Orientation.Horizontal
    )
    qtbot.waitUntil(lambda: view.width() > wide + 60)
    before = view.width()
    window.resizeDocks(
        [window.chart_dock], [window.chart_dock.width() - 80], Qt.Orientation.Horizontal
    )
    qtbot.waitUntil(lambda: view.width() < before - 40)

    def inside() -> bool:
        right = view.sceneBoundingRect().right()
        rects = plot.count_label_rects()
        return len(rects) == len(plot.bars) and all(r.right() <= right + 1 for r in rects)

    qtbot.waitUntil(inside)


def test_a_bar_tooltip_stays_while_the_pointer_rests_and_goes_off_the_bar(qtbot, window):
    plot = _plot(window)
    index = _bar_index(plot, "Malaysia")
    pos = plot.mapFromScene(plot.bar_centre(index))
    QToolTip.hideText()  # no tip left from an earlier window
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    pos += QPoint(-3, 0)  # not where an earlier test left the pointer: a move Qt delivers
    qtbot.mouseMove(plot.viewport(), pos)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    assert "Malaysia: 60 signatories (38.0%)" in shown
    # Small moves of a resting hand keep the same tip, past Qt's own ten-second expiry
    # (TIP_MS is what the tip is given; the test cannot wait ten minutes).
    for dx in (1, 2, 1, 0):
        qtbot.mouseMove(plot.viewport(), pos + QPoint(dx, 0))
        assert QToolTip.isVisible() and QToolTip.text() == shown
    assert TIP_MS > 60_000
    assert plot.row_rect(index).contains(pos)
    # Off the chart's bars, the tip goes.
    qtbot.mouseMove(plot.viewport(), QPoint(plot.viewport().width() - 2, 2))
    qtbot.waitUntil(lambda: not QToolTip.isVisible() or QToolTip.text() != shown)


def test_the_chart_table_gives_whole_names_and_exact_shares(qtbot):
    long_name = "Abdullah Sani Abdul Hamid bin Haji Mohamed Noor of a very long place"
    people = [("A", long_name)] + [("B", "Malaysia")] * 157
    document = Document(signatories=numbered([Signatory(n, None, c) for n, c in people]))
    panel = ChartPanel(ViewState(document))
    qtbot.addWidget(panel)
    panel.resize(320, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.table_toggle.click()
    table = panel.table
    assert table.isVisible()
    rows = {
        table.topLevelItem(i).text(0): table.topLevelItem(i).text(2)
        for i in range(table.topLevelItemCount())
    }
    assert rows == {"Malaysia": "99.4%", long_name: "0.6%"}
    # The long name wraps onto more lines within the pane instead of ending in "...".
    long_row, short_row = (
        table.visualItemRect(table.topLevelItem(i))
        for i in sorted(range(2), key=lambda i: table.topLevelItem(i).text(0) != long_name)
    )
    widths = sum(table.columnWidth(c) for c in range(3))
    assert widths <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert long_row.height() >= 2 * QFontMetrics(table.font()).height() > short_row.height()
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
