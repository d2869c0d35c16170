"""How the window's pixels are filled: on the GUI thread, never handed to Qt's thread pool."""

from __future__ import annotations

import os

SERIAL_FILLS = "QT_NO_GUI_THREADPOOL"  # Qt's own switch (qthreadpool.cpp), read once


def fill_on_gui_thread() -> None:
    """Keep Qt's raster fills on the GUI thread, for the rest of the process.

    Qt's raster engine splits every fill of more than about a hundred lines (a table's
    background, a scroll bar's groove, the chart's) into pieces for a pool of threads and
    waits for them all. For fills of a window's size the hand-off costs more than the fill:
    on a two-core machine a keystroke repainted the table, the chart and the scroll bar
    2-3 ms sooner without it, and less when the cores are busy (issue 15). Qt reads the
    switch at its first such fill, so this is called before the window first paints; a
    value the user set is left alone.
    """
    os.environ.setdefault(SERIAL_FILLS, "1")
