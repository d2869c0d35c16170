"""File > Open Recent: the last ten files, a missing one greyed out, and ways to tidy the list."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from viewer.core.storage.recent_files import RecentFileList, still_there


def menu_labels(paths: list[str]) -> list[str]:
    """File names; where two share a name, the folder too ("letter.txt \u2014 Downloads")."""
    names = [Path(p).name for p in paths]
    repeated = {name for name, n in Counter(names).items() if n > 1}
    return [
        f"{name} \u2014 {Path(p).parent.name or p}" if name in repeated else name
        for name, p in zip(names, paths, strict=True)
    ]


def _menu_text(label: str) -> str:
    return label.replace("&", "&&")  # a "&" in a file name is not a mnemonic


class RecentFilesMenu(QMenu):
    """Rebuilt from the stored list each time it opens, so every window shows the same list."""

    open_requested = Signal(str)

    def __init__(self, recent: RecentFileList, parent: QWidget | None = None):
        super().__init__("Open &Recent", parent)
        self.setObjectName("recentFilesMenu")
        self.recent = recent
        self.setToolTipsVisible(True)  # the whole path, where the entry shows only the name
        self.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        """Fill the menu from the stored list."""
        self.clear()
        paths = self.recent.paths()
        if not paths:
            self.addAction("No Recent Files").setEnabled(False)
        missing = False
        for i, (path, label) in enumerate(zip(paths, menu_labels(paths), strict=True)):
            exists = still_there(path)
            missing = missing or not exists
            text = f"&{(i + 1) % 10} {_menu_text(label)}"
            action = self.addAction(text if exists else f"{text} (not found)")
            action.setData(path)
            action.setToolTip(path if exists else f"{path} is no longer there")
            action.setStatusTip(action.toolTip())
            action.setEnabled(exists)
            action.triggered.connect(lambda _on=False, p=path: self.open_requested.emit(p))
        self.addSeparator()
        remove = self.addAction("Remove &Missing Files", self._remove_missing)
        remove.setObjectName("removeMissingRecent")
        remove.setEnabled(missing)
        remove.setStatusTip("Take the files that are no longer there off this list")
        clear = self.addAction("&Clear Recent", self._clear)
        clear.setObjectName("clearRecent")
        clear.setEnabled(bool(paths))
        clear.setStatusTip("Empty this list (the files stay where they are)")

    def file_actions(self):
        """The entries for files, in the menu's order (after refresh)."""
        return [a for a in self.actions() if isinstance(a.data(), str)]

    def _remove_missing(self) -> None:
        self.recent.remove_missing()
        self.refresh()

    def _clear(self) -> None:
        self.recent.clear()
        self.refresh()
