"""PySide6's import hook, told not to read the source of every module imported after it.

PySide6 lets a module opt into ``from __feature__ import snake_case, true_property``. To
know which modules those switches apply to, shiboken's import hook records each module as
it is first imported, and decides how to record it by reading the module's whole source
(``inspect.getsource``) to see whether it mentions PySide6: 0, the default features, for a
module that does; -1, "ignore", for one that does not. At start-up that is every module of
pyqtgraph (about 300) and of the window, 40-60 ms of a start-up of about half a second here
(benchmarks/bench_startup.py; napari/napari#8584 reports the same cost).

Nothing in this viewer, nor in pyqtgraph, turns a feature on, so every module runs with the
default features whatever is recorded for it: recording each one as the hook would for a
module that uses PySide6 (0) gives the same behaviour without reading any file. A module
that does say ``from __feature__ import ...`` still gets its features: that statement goes
through PySide6's own import function, which sets the module's entry itself.

The hook's internals are not a public API; if they are not found as expected (another
PySide6), nothing is changed and PySide6 works as it ships.
"""

from __future__ import annotations

import sys

DEFAULT_FEATURES = 0  # what the hook records for a module that uses PySide6


def skip_source_reads() -> bool:
    """Record imported modules without reading their source; True if the hook was found."""
    import shiboken6  # noqa: F401  (installs the hook and its module)

    feature = sys.modules.get("shibokensupport.feature")
    recorded = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(recorded, dict) or not callable(getattr(feature, "feature_imported", None)):
        return False

    def feature_imported(module: object) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in recorded:
            recorded[name] = DEFAULT_FEATURES

    feature.feature_imported = feature_imported  # type: ignore[union-attr]
    return True
