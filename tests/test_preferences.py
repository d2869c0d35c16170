"""Reading preferences: defaults, validation, old files, where they live."""

from __future__ import annotations

import json

import pytest

from viewer.core.settings import ZOOM_RANGE, Preferences, preferences_file


def test_preferences_live_in_the_config_folder_and_default_to_system_serif(_private_dirs):
    store = preferences_file()
    assert str(store.path).startswith(str(_private_dirs / "xdg_config_home"))
    value, notice = store.load()
    assert notice is None
    assert value == Preferences()
    assert (value.theme, value.letter_font, value.letter_zoom, value.reading_width) == (
        "system", "serif", 100, True,
    )  # fmt: skip


def test_round_trip():
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
def test_bad_values_give_defaults_and_a_notice(entry):
    store = preferences_file()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"schema_version": 1, **entry}), "utf-8")
    value, notice = store.load()
    assert value == Preferences()
    assert notice and "preferences could not be read" in notice
