"""Settings and window state: where they live, what they hold, how they are written.

This is the one module that writes files the app owns (through viewer.core.storage.atomic, which
exports share). Every write goes to a temporary file
in the same folder, is flushed and fsync'd, then replaces the old file in one step, so a
crash never leaves half a file. A file that cannot be read as what it should hold is set
aside as ``<name>.corrupt-<time>`` and defaults are used, with one notice for the user. A
folder that cannot be written keeps the app running on settings held in memory.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
import time
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs

from viewer.core.cite import AUTHOR_MODES, DEFAULT_STYLE, STYLE_IDS
from viewer.core.query.engine import is_sort_column
from viewer.core.query.facets import BUILTINS, is_facet_key
from viewer.core.storage.atomic import write_atomic

APP_NAME = "letter-viewer"
SCHEMA_VERSION = 2  # 2: the window state keeps chosen values per facet (was countries/roles)
MAX_SETTINGS_BYTES = 1_000_000  # a settings file is a few kB; more is not ours
STATE_FILE = "window-state.json"
PREFERENCES_FILE = "preferences.json"
RECENT_FILE = "recent-files.json"
ZOOM_RANGE = (50, 300)  # percent of the normal text size

T = TypeVar("T")
MAX_TABLE_LAYOUTS = 20  # column layouts of tables with further columns, the latest kept


def config_dir() -> Path:
    """The platform's folder for the user's preferences (XDG_CONFIG_HOME on Linux)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    """The platform's folder for state such as window layout (XDG_STATE_HOME on Linux)."""
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    """The platform's folder for the error log (XDG_STATE_HOME/letter-viewer/log on Linux)."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


LOG_NAME = "letter-viewer.log"
MAX_LOG_BYTES = 1_000_000


def append_log(folder: Path | None, text: str, limit: int = MAX_LOG_BYTES) -> None:
    """Append an entry to the error log, keeping one older file; never raises.

    The log is the one file written by appending: a torn last entry loses nothing else.
    """
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        if path.exists() and path.stat().st_size > limit:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{stamp} {text}\n")
    except OSError:
        pass  # an unwritable log folder must not turn one error into two


# -- what is stored -------------------------------------------------------------------------


def _choices(*values: str) -> dict[str, Any]:
    return {"choices": values}


_B64 = {"base64": True}


MAX_SAVED_FACETS = 50
MAX_SAVED_VALUES = 1000  # chosen values per facet


def _valid_choices(facets: dict[str, list[str | None]]) -> bool:
    return all(is_facet_key(k) and len(v) <= MAX_SAVED_VALUES for k, v in facets.items())


MAX_SIZED_COLUMNS = 100


def _valid_sized(sized: dict[str, list[str]]) -> bool:
    return all(
        len(keys) <= MAX_SIZED_COLUMNS and all(len(k) <= 200 for k in keys)
        for keys in sized.values()
    )


def _window_state_from_v1(obj: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept the chosen countries and roles in entries of their own."""
    obj = dict(obj)
    chosen = {f.key: obj.pop(f.legacy_state_key) for f in BUILTINS if f.legacy_state_key in obj}
    if chosen:
        obj["facets"] = {k: v for k, v in chosen.items() if v != []}
    return obj


@dataclass
class WindowState:
    """The main window as the user left it. Qt blobs are base64 of saveGeometry/saveState."""

    geometry: str = field(default="", metadata=_B64)
    window_state: str = field(default="", metadata=_B64)  # docks and toolbars
    splitter: str = field(default="", metadata=_B64)
    table_header: str = field(default="", metadata=_B64)  # column widths, order, hidden
    # The same for tables with further columns (a CSV's "affiliation"), one per column set,
    # keyed by formats.column_names.column_set_key; the plain table's stays in table_header.
    table_headers: dict[str, str] = field(
        default_factory=dict,
        metadata={"max_items": MAX_TABLE_LAYOUTS, "max_key_length": 64, "base64_values": True},
    )
    # The table pane's width when each layout was saved: narrower panes get fitted widths.
    table_widths: dict[str, int] = field(
        default_factory=dict, metadata={"max_items": MAX_TABLE_LAYOUTS + 1, "max_key_length": 64}
    )
    # The columns the user sized by dragging, by column key, per column set: the others are
    # measured afresh in every pane.
    table_sized: dict[str, list[str]] = field(
        default_factory=dict,
        metadata={
            "max_items": MAX_TABLE_LAYOUTS + 1,
            "max_key_length": 64,
            "valid": _valid_sized,
        },
    )
    sort_column: str = field(default="position", metadata={"valid": is_sort_column})
    sort_descending: bool = False
    filter_text: str = field(default="", metadata={"max_length": 1000})
    # The chosen values per facet key ("country", "extra:party"); None is "not stated".
    facets: dict[str, list[str | None]] = field(
        default_factory=dict, metadata={"max_items": MAX_SAVED_FACETS, "valid": _valid_choices}
    )
    chart_grouping: str = field(default="country", metadata={"valid": is_facet_key})


@dataclass
class Preferences:
    """The user's choices that are not layout, saved as soon as they change.

    How citations are made (the Cite menu) and how the letter is read (View: zoom, typeface,
    line length, theme). Two parts of the window change different fields: each saves through
    SettingsFile.update, so neither writes back the other's fields as they were at start.
    """

    citation_style: str = field(default=DEFAULT_STYLE, metadata=_choices(*STYLE_IDS))
    citation_authors: str = field(default=AUTHOR_MODES[0], metadata=_choices(*AUTHOR_MODES))
    include_citation: bool = True  # copied signatories are followed by the letter's citation
    letter_zoom: int = field(default=100, metadata={"range": ZOOM_RANGE})
    table_zoom: int = field(default=100, metadata={"range": ZOOM_RANGE})
    letter_font: str = field(default="serif", metadata=_choices("serif", "sans"))
    reading_width: bool = True  # keep the letter's lines at a comfortable length
    paragraph_numbers: bool = True  # the body's paragraph numbers in the letter's margin
    theme: str = field(default="system", metadata=_choices("system", "light", "dark"))


MAX_RECENT_FILES = 10
MAX_PATH_CHARS = 4096  # PATH_MAX on Linux; a longer entry is not a path this app stored


@dataclass
class RecentFiles:
    """The files opened last, newest first (File > Open Recent)."""

    paths: list[str] = field(
        default_factory=list,
        metadata={"max_items": MAX_RECENT_FILES, "max_item_length": MAX_PATH_CHARS},
    )


# -- validation -------------------------------------------------------------------------------


class _Invalid(Exception):
    """The file's content is not what the settings type holds (message says what)."""


# Steps that bring an older file's entries up to date: kind -> {version: step to version+1}.
MIGRATIONS: dict[type, dict[int, typing.Callable[[dict[str, Any]], dict[str, Any]]]] = {
    WindowState: {1: _window_state_from_v1},
}


def migrated(kind: type, obj: dict[str, Any], version: int) -> dict[str, Any]:
    """obj as the current schema stores it, from a file written with version."""
    for step in range(version, SCHEMA_VERSION):
        if (migrate := MIGRATIONS.get(kind, {}).get(step)) is not None:
            obj = migrate(obj)
    return obj


def from_obj(kind: type[T], obj: Any) -> T:
    """A settings value from parsed JSON; raises ValueError saying what is wrong.

    Missing keys take their defaults (files from older versions stay readable); unknown keys,
    wrong types and values outside their choices are errors.
    """
    try:
        return _from_obj(kind, obj)
    except _Invalid as exc:
        raise ValueError(str(exc)) from None


def _from_obj(kind: type[T], obj: Any) -> T:
    if not isinstance(obj, dict):
        raise _Invalid("it does not hold a set of named values")
    fields = {f.name: f for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    unknown = sorted(set(obj) - set(fields) - {"schema_version"})
    if unknown:
        raise _Invalid(f"it has an unknown entry {unknown[0]!r}")
    hints = typing.get_type_hints(kind)
    values = {}
    for name, value in obj.items():
        if name == "schema_version":
            continue
        _check(name, value, hints[name], fields[name].metadata)
        values[name] = value
    return kind(**values)


def _check(name: str, value: Any, hint: Any, meta: typing.Mapping[str, Any]) -> None:
    if not _is_instance(value, hint):
        raise _Invalid(f"its entry {name!r} has the wrong type")
    if "choices" in meta and value not in meta["choices"]:
        raise _Invalid(f"its entry {name!r} has an unknown value {value!r}")
    if "valid" in meta and not meta["valid"](value):
        raise _Invalid(f"its entry {name!r} has an unknown value {value!r}")
    if "max_key_length" in meta and any(len(k) > meta["max_key_length"] for k in value):
        raise _Invalid(f"its entry {name!r} has a name that is too long")
    if "range" in meta and not meta["range"][0] <= value <= meta["range"][1]:
        raise _Invalid(f"its entry {name!r} is out of range")
    if "max_length" in meta and len(value) > meta["max_length"]:
        raise _Invalid(f"its entry {name!r} is too long")
    if "max_items" in meta and len(value) > meta["max_items"]:
        raise _Invalid(f"its entry {name!r} has too many items")
    if "max_item_length" in meta and any(len(v) > meta["max_item_length"] for v in value):
        raise _Invalid(f"its entry {name!r} has an item that is too long")
    blobs = [value] if meta.get("base64") else []
    if meta.get("base64_values"):
        blobs = list(value.values())
    for blob in blobs:
        try:
            base64.b64decode(blob, validate=True)
        except (binascii.Error, ValueError):
            raise _Invalid(f"its entry {name!r} is damaged") from None


def _is_instance(value: Any, hint: Any) -> bool:
    """isinstance for the few annotations settings use: scalars, X | None, list[X],
    dict[K, V]."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_is_instance(value, arg) for arg in typing.get_args(hint))
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_is_instance(v, item) for v in value)
    if origin is dict:
        key, item = typing.get_args(hint)
        return isinstance(value, dict) and all(
            _is_instance(k, key) and _is_instance(v, item) for k, v in value.items()
        )
    if hint is type(None):
        return value is None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, hint)


def to_obj(value: Any) -> dict[str, Any]:
    """The JSON object stored for a settings value, with its schema version first."""
    return {"schema_version": SCHEMA_VERSION, **dataclasses.asdict(value)}


# -- files ------------------------------------------------------------------------------------


def set_aside(path: Path) -> Path | None:
    """Rename a bad file to ``<name>.corrupt-<time>`` (kept for the user); None if it failed."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


class SettingsFile(Generic[T]):
    """One JSON file holding one settings dataclass, with recovery and atomic saving."""

    def __init__(self, path: Path, kind: type[T], what: str):
        self.path = Path(path)
        self.kind = kind
        self.what = what  # for messages: "window layout", "preferences"
        self.in_memory = False
        self._memory: T | None = None
        self._warned = False

    def load(self) -> tuple[T, str | None]:
        """The stored value (defaults if there is none) and at most one notice for the user."""
        if self.in_memory:  # the folder failed before: what this session stored
            return self._memory if self._memory is not None else self.kind(), None
        folder_problem = self._prepare_folder()
        if folder_problem:
            return self.kind(), folder_problem
        try:
            raw = self._read()
        except FileNotFoundError:
            return self.kind(), None
        except (OSError, ValueError) as exc:
            return self.kind(), self._recover(_reason(exc))
        if raw is None:
            return self.kind(), self._recover("it is too large to be a settings file")
        try:
            obj = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return self.kind(), self._recover("it is not UTF-8 text")
        except (ValueError, RecursionError):
            return self.kind(), self._recover("it is not valid JSON (it may have been cut short)")
        try:
            return self._value(obj), None
        except ValueError as exc:
            return self.kind(), self._recover(str(exc))

    def save(self, value: T) -> str | None:
        """Store value; returns a warning the first time it cannot be written, else None."""
        if not self.in_memory:
            data = (json.dumps(to_obj(value), ensure_ascii=False, indent=2) + "\n").encode()
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(self.path, data)
                return None
            except OSError as exc:
                self.in_memory = True
                problem = _reason(exc)
        else:
            problem = None
        self._memory = value
        if self._warned:
            return None
        self._warned = True
        return self._memory_notice(problem or "the folder cannot be written")

    def update(self, **changes: Any) -> tuple[T, str | None]:
        """Change some fields of what is stored now and save it: (new value, save warning).

        The file is read again first: several parts of the window save different fields of
        one file, and each must keep what the others stored since the window opened.
        """
        current, _notice = self.load()  # a damaged file was reported when the window opened
        value = dataclasses.replace(current, **changes)
        return value, self.save(value)

    def _prepare_folder(self) -> str | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.in_memory = True
            self._warned = True
            return self._memory_notice(_reason(exc))
        if not os.access(self.path.parent, os.W_OK):
            self.in_memory = True
            self._warned = True
            return self._memory_notice("the folder is read-only")
        return None

    def _memory_notice(self, reason: str) -> str:
        return (
            f"Your {self.what} cannot be saved in {self.path.parent} ({reason}); "
            "changes are kept until you close the viewer."
        )

    def _read(self) -> bytes | None:
        with open(self.path, "rb") as handle:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
        return None if len(data) > MAX_SETTINGS_BYTES else data

    def _value(self, obj: Any) -> T:
        if isinstance(obj, dict):
            version = obj.get("schema_version")
            if not isinstance(version, int) or isinstance(version, bool):
                raise ValueError("it has no schema version")
            if version > SCHEMA_VERSION:
                raise ValueError("it was written by a newer version of the viewer")
            obj = migrated(self.kind, obj, version)
        return from_obj(self.kind, obj)

    def _recover(self, reason: str) -> str:
        kept = set_aside(self.path)
        where = (
            f"The old file was kept as {kept.name}."
            if kept
            else "The old file could not be moved aside and will be replaced."
        )
        return f"Your saved {self.what} could not be read ({reason}); defaults are used. {where}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def window_state_file() -> SettingsFile[WindowState]:
    """The window layout and last view, in the platform's state folder."""
    return SettingsFile(state_dir() / STATE_FILE, WindowState, "window layout")


def preferences_file() -> SettingsFile[Preferences]:
    """The user's preferences, in the platform's config folder."""
    return SettingsFile(config_dir() / PREFERENCES_FILE, Preferences, "preferences")


def recent_files_file() -> SettingsFile[RecentFiles]:
    """The list of recently opened files, in the platform's state folder."""
    return SettingsFile(state_dir() / RECENT_FILE, RecentFiles, "list of recent files")


class PreferenceStore:
    """A window's one copy of the preferences: read once when it opens, each change saved
    at once. The Cite menu and the View menu change different fields through it; only the
    fields that changed are written (SettingsFile.update reads the file first), so another
    window's choices stored meanwhile are kept."""

    def __init__(self, file: SettingsFile[Preferences] | None = None):
        self.file = file or preferences_file()
        self.value, self.notice = self.file.load()  # notice: a damaged file, said once

    def update(self, **changes: Any) -> str | None:
        """Change and save some fields; a warning if they cannot be saved, else None."""
        changed = {k: v for k, v in changes.items() if getattr(self.value, k) != v}
        if not changed:
            return None
        self.value, warning = self.file.update(**changed)
        return warning
