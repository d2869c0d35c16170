"""The preferences file (citation style, authors, include citation): defaults, old files, damage."""

from __future__ import annotations

import json

import pytest

from viewer.core.cite import AUTHOR_MODES, DEFAULT_STYLE, STYLE_IDS
from viewer.core.settings import (
    PREFERENCES_FILE,
    SCHEMA_VERSION,
    Preferences,
    config_dir,
    preferences_file,
)


def test_missing_file_gives_the_default_style_and_authors():
    value, notice = preferences_file().load()
    assert notice is None
    assert value.citation_style == DEFAULT_STYLE == "chicago-note"
    assert value.citation_authors == AUTHOR_MODES[0] == "signatories"
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
