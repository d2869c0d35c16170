"""The app's icon and themed action icons, from the bundled SVGs (sharp at any scale)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from viewer.core.bundled import resource_path

APP_ICON = "letter-viewer.svg"
DESKTOP_FILE = "letter-viewer"  # resources/letter-viewer.desktop, without the suffix


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    """The application's icon: the bundled SVG, else the icon theme's "letter-viewer"."""
    path = resource_path(APP_ICON)
    icon = QIcon(str(path)) if path.is_file() else QIcon()
    return icon if not icon.isNull() else QIcon.fromTheme("letter-viewer")


def themed_icon(name: QIcon.ThemeIcon, fallback: str | None = None) -> QIcon:
    """The icon theme's icon for name, else a bundled SVG (resources/<fallback>), else none."""
    icon = QIcon.fromTheme(name)
    if icon.isNull() and fallback:
        path = resource_path(fallback)
        if path.is_file():
            icon = QIcon(str(path))
    return icon
