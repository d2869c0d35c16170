"""The one way the window makes a command (QAction): text, keys, tip, icon, check mark."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

Key = QKeySequence.StandardKey | str
Keys = Key | Sequence[Key]


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[..., Any] | None = None,
    keys: Keys = (),
    tip: str = "",
    icon: QIcon | None = None,
    *,
    checkable: bool = False,
    name: str = "",
) -> QAction:
    """A command: text with its mnemonic ("&Open…"), what triggering it calls, its keys (a
    standard key stands for all of the platform's bindings: FindNext is F3 and Ctrl+G), and
    a tip shown as its tooltip and in the status bar while it is hovered in a menu."""
    action = QAction(text, parent)
    sequences = key_sequences(keys)
    if sequences:
        action.setShortcuts(sequences)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if icon is not None and not icon.isNull():
        action.setIcon(icon)
    if checkable:
        action.setCheckable(True)
    if name:
        action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def key_sequences(keys: Keys) -> list[QKeySequence]:
    """The key sequences that keys stand for."""
    if isinstance(keys, QKeySequence.StandardKey | str):
        keys = [keys]
    sequences: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences += QKeySequence.keyBindings(key)
        elif key:
            sequences.append(QKeySequence(key))
    return sequences
