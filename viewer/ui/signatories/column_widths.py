"""How the table's columns share the pane: plain arithmetic on widths, kept apart from Qt.

Each shown column but the last has a wanted width (measured from its entries, or dragged by
the user); the last one stretches to the edge and asks for its entries' width. When the
wanted widths do not fit, all are scaled down together, so no column is pushed behind a
horizontal scroll bar and a dragged width keeps its share of the row; when there is room to
spare, measured columns that would elide their entries get it, up to their whole width.
"""

from __future__ import annotations

from collections.abc import Mapping


def fitted_widths(
    wanted: Mapping[int, int],
    last: int,
    width: int,
    least: int,
    whole: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Widths of the sections in wanted for a pane of width pixels (the last one, which
    asks for last, gets what remains). whole: the widths measured columns may widen to."""
    total = sum(wanted.values()) + last
    if total <= width:
        return _widened(dict(wanted), width - total, whole or {})
    scale = width / total
    sizes = {i: max(least, int(w * scale)) for i, w in wanted.items()}
    over = sum(sizes.values()) + max(least, int(last * scale)) - width
    slack = {i: n - least for i, n in sizes.items() if n > least}
    room = sum(slack.values())
    if over > 0 and room:  # columns at their least width: the others give up the rest
        cut = min(1.0, over / room)
        sizes = {i: n - round(slack.get(i, 0) * cut) for i, n in sizes.items()}
    return sizes


def _widened(sizes: dict[int, int], spare: int, whole: Mapping[int, int]) -> dict[int, int]:
    short = {i: whole[i] - n for i, n in sizes.items() if whole.get(i, 0) > n}
    need = sum(short.values())
    if not need:
        return sizes
    share = min(1.0, spare / need)
    return {i: n + int(short.get(i, 0) * share) for i, n in sizes.items()}


def wanted_for_drag(
    section: int, dragged: int, wanted: Mapping[int, int], last: int, width: int, least: int
) -> int:
    """The wanted width under which fitting gives section the dragged width in this pane.

    Where the row fits, that is the dragged width itself; where it does not, a larger one,
    the same share of the scaled row: the same pane shows the column as the user left it,
    a narrower or wider pane the same proportions.
    """
    trial = dict(wanted)

    def fitted(w: int) -> int:
        trial[section] = w
        return fitted_widths(trial, last, width, least)[section]

    if fitted(dragged) >= dragged:
        return dragged
    low, high = dragged, dragged * 64
    if fitted(high) < dragged:
        return high  # wider than a pane can give: as wide as it can be
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fitted(middle) < dragged else (low, middle)
    return high
