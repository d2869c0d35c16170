"""What the chart draws, as plain values: bars, their order, folding into "Other".

Kept free of Qt so the rules (bars sum to the shown rows, chosen values never fold away)
are tested without a window.

The chart shows the counts per value under every filter except its own facet's. With no
value chosen every bar is counted and the bars sum to the shown rows. Once values are chosen,
those bars stay solid and the others are drawn as faint outlines ("not in the filter"), so a
user can still see and click them; the solid bars then sum to the shown rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.query.engine import Result
from viewer.core.query.facets import facet_for_key
from viewer.ui.common.wording import value_label


@dataclass(frozen=True)
class Bar:
    """One bar: a value (None: not stated), its count, whether it is in the shown rows."""

    label: str
    count: int
    value: str | None = None
    counted: bool = True  # part of the shown rows (solid); False: outside the filter
    chosen: bool = False  # named in the facet's filter
    folded: int = 0  # for "Other": how many values it stands for

    @property
    def is_other(self) -> bool:
        return self.folded > 0

    @property
    def is_missing(self) -> bool:
        return self.value is None and not self.folded


def chart_bars(result: Result, facet: str, max_bars: int) -> list[Bar]:
    """The bars for a result, most first, at most max_bars (the rest fold into "Other").

    Works on the engine's (value, count) pairs and makes a Bar only for what is drawn, so a
    facet with thousands of values costs one pass over plain tuples.
    """
    chosen = result.query.facet_values(facet)
    counts = [(c.value, c.count) for c in result.facet_counts[facet]]
    present = {v for v, _ in counts}
    counts += [(v, 0) for v in chosen if v not in present]  # chosen, none under other filters
    max_bars = max(max_bars, 2)
    if len(counts) <= max_bars:
        return [_bar(v, n, chosen) for v, n in counts]
    always = [(v, n) for v, n in counts if v in chosen or v is None]
    rest = [(v, n) for v, n in counts if not (v in chosen or v is None)]
    room = max(max_bars - 1 - len(always), 0)
    kept_values = {v for v, _ in always} | {v for v, _ in rest[:room]}
    kept = [_bar(v, n, chosen) for v, n in counts if v in kept_values]
    folded = rest[room:]
    noun = facet_for_key(facet).noun(len(folded))
    other = Bar(
        f"Other ({len(folded):,} {noun})",
        sum(n for _, n in folded),
        None,
        counted=not chosen,
        folded=len(folded),
    )
    return [*kept, other]


def _bar(value: str | None, count: int, chosen: frozenset[str | None]) -> Bar:
    is_chosen = value in chosen
    key = (value, count, not chosen or is_chosen, is_chosen)
    bar = _MADE.get(key)
    if bar is None:
        if len(_MADE) >= MAX_MADE:
            _MADE.clear()
        bar = _MADE[key] = Bar(value_label(value), count, value, key[2], is_chosen)
    return bar


# Bars are values: each keystroke brings back most of the last one's (a value and its count),
# and making a frozen dataclass costs more than finding it.
MAX_MADE = 4096
_MADE: dict[tuple[str | None, int, bool, bool], Bar] = {}


def share_text(count: int, universe: int) -> str:
    """A share to one decimal, "38.0%", "0.6%": whole percents would call 1 in 158 "1%".

    A share too small for one decimal is "<0.1%", never "0.0%" for someone who is there.
    """
    if not universe:
        return ""
    if count > 0 and count / universe < 0.0005:
        return "<0.1%"
    return f"{count / universe:.1%}"


def bar_tooltip(bar: Bar, universe: int) -> str:
    """ "Malaysia: 60 signatories (38.0%)", then what a click does (plain text)."""
    people = "signatory" if bar.count == 1 else "signatories"
    share = f" ({share_text(bar.count, universe)})" if universe else ""
    first = f"{bar.label}: {bar.count:,} {people}{share}"
    if bar.is_other:
        return f"{first}\nClick to choose among them"
    if bar.chosen:
        return f"{first}\nClick to remove it from the filter"
    if not bar.counted:
        return f"{first} \u2013 not in the current filter\nClick to add it"
    return f"{first}\nClick to show only these"


def universe(bars: list[Bar]) -> int:
    """All signatories the bars stand for (the base of the percentages)."""
    return sum(b.count for b in bars)


def chart_text(bars: list[Bar], facet: str) -> str:
    """The chart said in words, for screen readers and the printout.

    "Signatories per country: Malaysia 60, Indonesia 21, ...; not in the filter: Spain 2."
    """
    if not bars:
        return f"No signatories to count per {facet_for_key(facet).one}."
    counted = [f"{b.label} {b.count:,}" for b in bars if b.counted]
    ghosts = [f"{b.label} {b.count:,}" for b in bars if not b.counted]
    text = f"Signatories per {facet_for_key(facet).one}: " + ", ".join(counted or ["none"])
    if ghosts:
        text += "; not in the filter: " + ", ".join(ghosts)
    return text + "."
