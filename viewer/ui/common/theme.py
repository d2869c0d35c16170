"""Light and dark: follow the system's colour scheme, or force one (View > Theme).

Qt 6.5+ reports the system's scheme (QStyleHints.colorScheme) and signals its changes. Many
platforms (X11 without a desktop's platform theme, the offscreen platform) report no scheme and
give one light palette, and Qt 6.8's QStyleHints.setColorScheme only works where the platform
can switch. So a forced theme, or a system scheme the platform's palette does not match, gets
a palette of our own on the Fusion style, whose colours are chosen for contrast (every text
pair at least 4.5:1, tests/ui/window/test_contrast.py). "System" with a platform palette that
matches keeps the platform's own style and palette.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": "&System", "light": "&Light", "dark": "&Dark"}

_R = QPalette.ColorRole
_G = QPalette.ColorGroup

LIGHT = {
    _R.Window: "#f2f2f2",
    _R.WindowText: "#1a1a1a",
    _R.Base: "#ffffff",
    _R.AlternateBase: "#f4f5f7",
    _R.Text: "#1a1a1a",
    _R.Button: "#ebebeb",
    _R.ButtonText: "#1a1a1a",
    _R.BrightText: "#ffffff",
    _R.Highlight: "#1f61b0",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#1a55a8",
    _R.LinkVisited: "#6a3aa0",
    _R.PlaceholderText: "#666666",
    _R.ToolTipBase: "#fffff0",
    _R.ToolTipText: "#1a1a1a",
    _R.Light: "#ffffff",
    _R.Midlight: "#e3e3e3",
    _R.Mid: "#b8b8b8",
    _R.Dark: "#9e9e9e",
    _R.Shadow: "#6f6f6f",
}
DARK = {
    _R.Window: "#232428",
    _R.WindowText: "#e4e4e4",
    _R.Base: "#1b1c1f",
    _R.AlternateBase: "#26272b",
    _R.Text: "#e6e6e6",
    _R.Button: "#2f3136",
    _R.ButtonText: "#e4e4e4",
    _R.BrightText: "#ffffff",
    _R.Highlight: "#2d64ad",
    _R.HighlightedText: "#ffffff",
    _R.Link: "#8cb4ff",
    _R.LinkVisited: "#c5a3ff",
    _R.PlaceholderText: "#9a9a9a",
    _R.ToolTipBase: "#2f3136",
    _R.ToolTipText: "#e4e4e4",
    _R.Light: "#45474d",
    _R.Midlight: "#393b40",
    _R.Mid: "#4c4e54",
    _R.Dark: "#151618",
    _R.Shadow: "#0b0b0c",
}
_DISABLED_TEXT = {"light": "#8c8c8c", "dark": "#7c7c7c"}


def make_palette(kind: str) -> QPalette:
    """Our light or dark palette (every role Fusion draws with, disabled text dimmed)."""
    colours = DARK if kind == "dark" else LIGHT
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    palette.setColor(_R.Accent, QColor(colours[_R.Highlight]))
    dim = QColor(_DISABLED_TEXT[kind])
    for role in (_R.WindowText, _R.Text, _R.ButtonText, _R.PlaceholderText):
        palette.setColor(_G.Disabled, role, dim)
    palette.setColor(_G.Disabled, _R.Highlight, QColor(colours[_R.Mid]))
    return palette


def is_dark(palette: QPalette) -> bool:
    """True for a palette whose windows are darker than their text."""
    return palette.color(_R.Window).lightness() < palette.color(_R.WindowText).lightness()


def system_scheme() -> str | None:
    """ "light" or "dark" as the system says, None where it says nothing."""
    scheme = QGuiApplication.styleHints().colorScheme()
    return {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}.get(scheme)


class ThemeManager(QObject):
    """The application's one theme: applies a choice and follows the system in "system"."""

    changed = Signal(str)  # "light" or "dark": what is shown now

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("themeManager")
        self.app = app
        self.choice = "system"
        self._native_style = app.style().name()
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def shown(self) -> str:
        return "dark" if is_dark(self.app.palette()) else "light"

    def set_choice(self, choice: str) -> None:
        """Apply "system", "light" or "dark"."""
        if choice not in THEMES:
            raise ValueError(f"unknown theme {choice!r}")
        self.choice = choice
        self._request_scheme(choice)
        self._apply(system_scheme() if choice == "system" else choice)

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            wanted = {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}.get(scheme)
            self._apply(wanted)

    def _request_scheme(self, choice: str) -> None:
        # Qt 6.8+: ask the platform too, so native title bars and dialogs match where it can.
        hints = self.app.styleHints()
        if not hasattr(hints, "setColorScheme"):
            return
        if choice == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light)

    def _apply(self, kind: str | None) -> None:
        if self.choice == "system":
            # Back to the platform's own style and palette (an empty palette resets it) ...
            self._set(self._native_style, QPalette())
            if kind is None or kind == self.shown:
                self.changed.emit(self.shown)
                return
        # ... unless it does not give the scheme wanted: then our palette on Fusion.
        self._set("Fusion", make_palette(kind or self.shown))
        self.changed.emit(self.shown)

    def _set(self, style: str, palette: QPalette) -> None:
        if self.app.style().name().lower() != style.lower():
            self.app.setStyle(style)
        self.app.setPalette(palette)


def theme_manager() -> ThemeManager:
    """The application's ThemeManager, made on first use."""
    app = QApplication.instance()
    found = app.findChild(ThemeManager, "themeManager")
    return found if found is not None else ThemeManager(app)
