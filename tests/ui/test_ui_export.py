"""File > Export from the window: the shown signatories and the chart, and back in again."""

from __future__ import annotations

import collections
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from openhelp import LOAD_TIMEOUT_MS, open_with_dialog, stub_save_dialog
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMessageBox
from uihelp import open_window, shown_column, shown_names, type_filter

from viewer.core.export import default_chart_name, default_export_name
from viewer.ui.chart.chart_export import MIN_WIDTH
from viewer.ui.common.wording import NOT_STATED_LABEL


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot)
    window.resize(1400, 900)
    return window


def export(qtbot, window, monkeypatch, fmt: str, path) -> list[tuple]:
    """Choose File > Export > fmt, the save dialog answering path; wait for the file."""
    calls = stub_save_dialog(monkeypatch, path)
    window.exporting.menu.aboutToShow.emit()
    action = window.exporting.actions[fmt]
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: not window.exporting.worker.busy, timeout=LOAD_TIMEOUT_MS)
    return calls


def rows_of(window) -> list[tuple[str, str, str]]:
    return list(zip(shown_names(window), shown_column(window, 2), shown_column(window, 3),
                    strict=True))  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_the_2017_letter_round_trips_through_every_format(qtbot, window, monkeypatch, tmp_path,
                                                          bundled, fmt):  # fmt: skip
    before = rows_of(window)
    out = tmp_path / f"out.{fmt}"
    export(qtbot, window, monkeypatch, fmt, out)
    assert window.statusBar().currentMessage() == f"Exported 158 signatories to out.{fmt}."
    open_with_dialog(qtbot, window, monkeypatch, out)
    assert window.state.document.source.path == str(out)
    assert rows_of(window) == before
    assert [s.name for s in window.state.document.signatories] == [
        s.name for s in bundled.signatories
    ]
    if fmt != "csv":
        assert window.state.document.letter == bundled.letter


def test_export_writes_the_shown_rows_in_the_shown_order(qtbot, window, monkeypatch, tmp_path):
    type_filter(qtbot, window, "member of parliament")
    window.state.sort_by("name", descending=True)
    shown = rows_of(window)
    assert 1 < len(shown) < 158
    out = tmp_path / "mps.csv"
    export(qtbot, window, monkeypatch, "csv", out)
    open_with_dialog(qtbot, window, monkeypatch, out)
    window.state.sort_by("position")
    assert rows_of(window) == shown


def test_the_save_dialog_suggests_the_letter_name_and_format(qtbot, window, monkeypatch, bundled,
                                                             tmp_path):  # fmt: skip
    calls = export(qtbot, window, monkeypatch, "json", None)  # the user cancels
    parent, caption, suggested, file_filter = calls[0]
    assert parent is window
    assert suggested.endswith(default_export_name(bundled, "json"))
    assert default_export_name(bundled, "json") == "letter-2017-12-04-kem-sokha-signatories.json"
    assert file_filter == "Letter Viewer JSON (*.json)"
    assert "158" in caption


def test_a_name_without_extension_gets_one(qtbot, window, monkeypatch, tmp_path):
    export(qtbot, window, monkeypatch, "md", tmp_path / "letter")
    assert (tmp_path / "letter.md").read_text("utf-8").startswith("---\n")
    assert not (tmp_path / "letter").exists()


def test_a_confirmed_existing_file_is_replaced(qtbot, window, monkeypatch, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old content\n", encoding="utf-8")
    export(qtbot, window, monkeypatch, "csv", out)  # the save dialog asked; the user agreed
    text = out.read_text("utf-8")
    assert text.startswith("name,role,country\n") and "old content" not in text
    # no temporary file left; the CSV's metadata sidecar beside it (issue 17)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.meta.json"]


def test_an_existing_file_behind_an_added_extension_is_asked_about(qtbot, window, monkeypatch,
                                                                   tmp_path):  # fmt: skip
    existing = tmp_path / "out.csv"
    existing.write_text("keep me\n", encoding="utf-8")
    asked = []

    def answer(*args):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    export(qtbot, window, monkeypatch, "csv", tmp_path / "out")
    assert asked and "out.csv" in asked[0]
    assert existing.read_text("utf-8") == "keep me\n"


def test_a_failed_write_says_so_and_changes_nothing(qtbot, window, monkeypatch, tmp_path):
    out = tmp_path / "no-such-folder" / "out.csv"
    export(qtbot, window, monkeypatch, "csv", out)
    box = window.findChild(QMessageBox, "exportErrorDialog")
    assert box is not None and box.isVisible()
    assert box.text() == "\u201cout.csv\u201d could not be saved."
    assert "Nothing was written" in box.informativeText()
    assert not out.parent.exists()
    box.close()


# -- the chart -----------------------------------------------------------------------------


def _chart_ready(qtbot, window, *labels: str) -> None:
    """The chart shows bars named with these labels, each name whole inside the chart."""
    plot = window.chart.plot
    inside = plot.getPlotItem().getViewBox().sceneBoundingRect()

    def drawn() -> bool:
        names = dict(zip(plot.item.rows.names, plot.name_label_rects(), strict=True))
        return all(label in names and inside.contains(names[label]) for label in labels)

    qtbot.waitUntil(drawn, timeout=5000)


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return rows[:, : image.width(), :3].astype(int)


def _looks_like_the_chart(picture: QImage, plot) -> float:
    """Mean difference (0-255) between the picture's bottom part and the chart on screen."""
    size = plot.size()
    body = picture.copy(0, picture.height() - size.height(), size.width(), size.height())
    return float(np.abs(_pixels(body) - _pixels(plot.grab().toImage())).mean())


SAME_PICTURE = 6  # a faithful copy differs by ~2 (antialiasing); labels drawn wrong by ~15


def test_the_chart_exports_as_png(qtbot, window, monkeypatch, tmp_path, bundled):
    _chart_ready(qtbot, window, "Malaysia")
    out = tmp_path / "chart.png"
    calls = export(qtbot, window, monkeypatch, "png", out)
    assert calls[0][2].endswith(default_chart_name(bundled, "country", "png"))
    image = QImage(str(out))
    assert not image.isNull()
    plot = window.chart.plot
    assert image.width() == 2 * max(plot.width(), MIN_WIDTH)  # room for the heading
    assert image.height() > 2 * plot.height()
    half = image.scaled(
        image.width() // 2,
        image.height() // 2,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    assert _looks_like_the_chart(half, plot) < SAME_PICTURE
    assert window.statusBar().currentMessage() == "Saved the chart as chart.png."


def test_the_svg_draws_the_chart_as_shown(qtbot, window, monkeypatch, tmp_path):
    _chart_ready(qtbot, window, "Malaysia")
    out = tmp_path / "chart.svg"
    export(qtbot, window, monkeypatch, "svg", out)
    renderer = QSvgRenderer(str(out))
    box = renderer.viewBox()  # in the chart's pixels
    image = QImage(box.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, box.width(), box.height()))
    painter.end()
    assert _looks_like_the_chart(image, window.chart.plot) < SAME_PICTURE


def test_the_chart_exports_as_svg_with_its_labels(qtbot, window, monkeypatch, tmp_path, bundled):
    chosen = ("Germany", "Spain")
    for country in chosen:
        window.state.toggle("country", country)
    counts = collections.Counter(s.country for s in bundled.signatories)
    _chart_ready(qtbot, window, *chosen)
    out = tmp_path / "chart.svg"
    export(qtbot, window, monkeypatch, "svg", out)
    root = ET.fromstring(out.read_bytes())  # well-formed XML
    texts = [" ".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for country in chosen:
        assert country in texts
        assert str(counts[country]) in texts
    total = sum(counts[c] for c in chosen)
    heading = " ".join(texts)  # the heading wraps to the chart's width
    assert f"Showing {total} of 158 signatories \u00b7 2 countries; chart by country" in heading
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == bundled.title


def test_an_svg_of_a_letter_with_markup_in_its_name_stays_valid(qtbot, window, monkeypatch,
                                                               tmp_path):  # fmt: skip
    odd = tmp_path / "<b>A & B<b> &amp;.csv"
    odd.write_text("name,country\nAna,Chile\nBea\n", encoding="utf-8")
    open_with_dialog(qtbot, window, monkeypatch, odd)
    _chart_ready(qtbot, window, "Chile", NOT_STATED_LABEL)
    out = tmp_path / "chart.svg"
    export(qtbot, window, monkeypatch, "svg", out)
    root = ET.fromstring(out.read_bytes())
    texts = [" ".join(t.itertext()).strip() for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert odd.name in " ".join(texts)  # the document's title, as text, not markup
    assert "Chile" in texts


def test_chart_export_needs_the_bars_shown(qtbot, window):
    actions = window.exporting.actions

    def offered() -> bool:
        window.exporting.menu.aboutToShow.emit()
        assert actions["png"].isEnabled() == actions["svg"].isEnabled()
        return actions["png"].isEnabled()

    assert offered()
    window.chart.table_toggle.click()  # the chart as a table
    assert not offered()
    window.chart.table_toggle.click()
    window.chart_dock.hide()
    assert not offered()
    assert actions["csv"].isEnabled()
