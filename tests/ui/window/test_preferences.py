"""The preferences file (citations; zoom, typeface, line length, theme): defaults, old files,
damage, and two parts of the window saving different fields."""

from __future__ import annotations

import json

import pytest

from viewer.core.cite import AUTHOR_MODES, DEFAULT_STYLE, STYLE_IDS
from viewer.core.storage.settings import (
    PREFERENCES_FILE,
    SCHEMA_VERSION,
    ZOOM_RANGE,
    Preferences,
    PreferenceStore,
    SettingsFile,
    config_dir,
    preferences_file,
)


def test_missing_file_gives_the_default_style_and_authors():
    value, notice = preferences_file().load()
    assert notice is None
    assert value.citation_style == DEFAULT_STYLE == "chicago-note"
    assert value.citation_authors == AUTHOR_MODES[0] == "organiser"  # issue 17: the organiser
    assert value.include_citation is True


def test_preferences_live_in_the_config_folder(_private_dirs):
    assert str(preferences_file().path).startswith(str(_private_dirs / "xdg_config_home"))
    assert preferences_file().path == config_dir() / PREFERENCES_FILE


@pytest.mark.parametrize("style", STYLE_IDS)
def test_every_style_round_trips(style):
    value = Preferences(style, "organiser", False)
    assert preferences_file().save(value) is None
    assert preferences_file().load() == (value, None)


def test_an_older_file_without_the_new_keys_still_loads():
    path = preferences_file().path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "citation_style": "mla"}), "utf-8")
    value, notice = preferences_file().load()
    assert notice is None
    assert value == Preferences(citation_style="mla")


@pytest.mark.parametrize(
    "content",
    [
        {"schema_version": 1, "citation_style": "harvard"},
        {"schema_version": 1, "citation_authors": "editors"},
        {"schema_version": 1, "include_citation": "yes"},
        {"schema_version": SCHEMA_VERSION + 1},
    ],
    ids=["unknown style", "unknown authors", "wrong type", "newer version"],
)
def test_a_bad_file_gives_defaults_and_is_kept(content):
    path = preferences_file().path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), "utf-8")
    value, notice = preferences_file().load()
    assert value == Preferences()
    assert notice is not None and "preferences" in notice
    assert any(p.name.startswith(f"{PREFERENCES_FILE}.corrupt-") for p in path.parent.iterdir())


def test_the_window_says_when_its_preferences_were_damaged(qtbot):
    from uihelp import open_window

    path = preferences_file().path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema_version": 1, "citation_style": ', "utf-8")
    window = open_window(qtbot)
    assert window.citations.style == DEFAULT_STYLE
    qtbot.waitUntil(lambda: "preferences could not be read" in window.statusBar().currentMessage())


def test_reading_preferences_default_to_system_serif_at_100():
    store = preferences_file()
    value, notice = store.load()
    assert notice is None
    assert value == Preferences()
    assert (value.theme, value.letter_font, value.letter_zoom, value.reading_width) == (
        "system", "serif", 100, True,
    )  # fmt: skip


def test_reading_preferences_round_trip():
    value = Preferences(letter_zoom=150, table_zoom=80, letter_font="sans", theme="dark")
    store = preferences_file()
    assert store.save(value) is None
    assert preferences_file().load() == (value, None)


def test_a_file_from_before_the_reading_keys_still_loads():
    store = preferences_file()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text('{"schema_version": 1, "theme": "light"}', "utf-8")
    value, notice = store.load()
    assert notice is None
    assert value == Preferences(theme="light")


@pytest.mark.parametrize(
    "entry",
    [
        {"letter_zoom": ZOOM_RANGE[1] + 1},
        {"table_zoom": ZOOM_RANGE[0] - 1},
        {"letter_zoom": 1.5},
        {"letter_zoom": True},
        {"letter_font": "comic"},
        {"theme": "purple"},
        {"reading_width": "yes"},
    ],
)
def test_bad_reading_values_give_defaults_and_a_notice(entry):
    store = preferences_file()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"schema_version": 1, **entry}), "utf-8")
    value, notice = store.load()
    assert value == Preferences()
    assert notice and "preferences could not be read" in notice


def test_two_writers_keep_each_others_fields():
    # The Cite menu and the View menu each hold the preferences read at start and save
    # their own fields through update(): neither may write back the other's old values.
    cite, view = preferences_file(), preferences_file()
    cite.load()
    view.load()
    view.update(letter_zoom=150, theme="dark")
    cite.update(citation_style="mla")
    view.update(letter_font="sans")
    stored, notice = preferences_file().load()
    assert notice is None
    assert stored == Preferences(
        citation_style="mla", letter_zoom=150, theme="dark", letter_font="sans"
    )


def test_the_window_reads_its_preferences_once_and_both_menus_share_them(qtbot, monkeypatch):
    from uihelp import open_window

    read: list[SettingsFile] = []
    load = SettingsFile.load

    def counted(self):
        if self.kind is Preferences:
            read.append(self)
        return load(self)

    monkeypatch.setattr(SettingsFile, "load", counted)
    window = open_window(qtbot)
    assert len(read) == 1  # preferences.json is read once when the window opens
    assert window.citations.preferences is window.reading.preferences is window.preferences
    window.citations.set_style("mla")  # the Cite menu
    window.reading.font_actions["sans"].trigger()  # View > Letter Font
    assert window.preferences.value == Preferences(citation_style="mla", letter_font="sans")
    assert window.reading.prefs.citation_style == "mla"  # each menu sees the other's choice
    stored = json.loads(preferences_file().path.read_text("utf-8"))
    assert (stored["citation_style"], stored["letter_font"]) == ("mla", "sans")


def test_a_choice_that_changes_nothing_is_not_written():
    store = PreferenceStore()
    assert store.update(citation_style=DEFAULT_STYLE) is None
    assert not preferences_file().path.exists()
    assert store.update(citation_style="apa") is None
    assert store.value.citation_style == "apa"
    assert preferences_file().load() == (Preferences(citation_style="apa"), None)
