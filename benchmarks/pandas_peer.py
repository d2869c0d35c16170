"""What a pandas user would do with the same CSV: the peer the scale benchmarks print beside
the window's figures where pandas is installed (it is a benchmark-only extra: ``pip install
pandas`` or ``.[bench]``; without it the benchmarks run and say "pandas not installed").

Each peer does the data part of a user's action, as a pandas user would write it, with no
window to paint: a keystroke is ``str.contains`` over the folded names (folded once, before
timing, with the viewer's own fold) and ``value_counts`` of the matches' countries (the
chart's bars and the count line); choosing a country is a comparison and its counts; a first
sort is ``sort_values`` by the column (stable, so ties keep the file's order).
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import harness

SORTED = ("name", "role", "country")


def available() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def typed_words(df, typed: tuple[str, ...]) -> list[str]:
    """The typed words of bench_query.typed_words: its words, then the fifth most common
    country in full, found the same way (first seen wins a tie)."""
    countries = Counter(df["country"].dropna().tolist()).most_common(5)
    return [*typed, countries[-1][0].lower()]


def top_countries(df) -> list[str]:
    """The biggest country, the tenth and the hundredth, as bench_query.top_countries."""
    ranked = [c for c, _ in Counter(df["country"].dropna().tolist()).most_common()]
    return [ranked[i] for i in (0, 9, 99) if i < len(ranked)]


def pandas_worker(csv_path: Path, reps: int, typed: tuple[str, ...]) -> None:
    """Emit the peer's figures (open, typed, country, sort_first_*) for the CSV; nothing
    if pandas is not installed."""
    if not available():
        return
    import pandas as pd

    from viewer.core.folding import fold

    start = time.perf_counter()
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False, na_values=[""])
    harness.emit("open", time.perf_counter() - start)
    folded = df["name"].map(fold)  # once, as the window folds while opening
    typed_times = []
    for _ in range(reps):
        for word in typed_words(df, typed):
            for end in range(1, len(word) + 1):
                part = word[:end]
                typed_times.append(harness.timed(lambda p=part: _keystroke(df, folded, p)))
    harness.emit("typed", typed_times)
    chosen = []
    for _ in range(reps):
        for country in top_countries(df):
            chosen.append(harness.timed(lambda c=country: _choose(df, c)))
    harness.emit("country", chosen)
    for column in SORTED:  # a first sort: nothing of it prepared
        harness.emit(
            f"sort_first_{column}",
            harness.timed(lambda c=column: df.sort_values(c, kind="stable")),
        )
    harness.emit("memory", harness.rss_mb())


def _keystroke(df, folded, part: str):
    """The rows whose folded name holds the typed text, and their countries counted."""
    shown = df[folded.str.contains(part, regex=False)]
    return shown, shown["country"].value_counts()


def _choose(df, country: str):
    shown = df[df["country"] == country]
    return shown, shown["role"].value_counts()
