"""Settings files: defaults, round trips, atomic writes, recovery from bad files."""

from __future__ import annotations

import json
import os

import pytest

from viewer.core.storage import settings
from viewer.core.storage.settings import SettingsFile, WindowState, window_state_file


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_missing_file_gives_defaults_without_notice():
    value, notice = window_state_file().load()
    assert value == WindowState()
    assert notice is None


def test_state_lives_in_the_platform_state_folder(_private_dirs):
    store = window_state_file()
    assert str(store.path).startswith(str(_private_dirs / "xdg_state_home"))


def test_round_trip_and_schema_version():
    store = window_state_file()
    value = WindowState(
        geometry="AAEC", sort_column="country", sort_descending=True, filter_text="rößner",
        facets={"country": ["Germany", None]}, chart_grouping="role",
    )  # fmt: skip
    assert store.save(value) is None
    obj = json.loads(store.path.read_text("utf-8"))
    assert obj["schema_version"] == settings.SCHEMA_VERSION
    assert obj["facets"] == {"country": ["Germany", None]}
    again, notice = window_state_file().load()
    assert again == value and notice is None


BAD_FILES = {
    "empty": b"",
    "truncated": b'{"schema_version": 1, "filter_text": "mala',
    "not utf-8": b'{"schema_version": 1, "filter_text": "\xff\xfe"}',
    "wrong type": b'{"schema_version": 1, "sort_descending": "yes"}',
    "unknown key": b'{"schema_version": 1, "colour": "red"}',
    "unknown choice": b'{"schema_version": 1, "sort_column": "shoe size"}',
    "bad base64": b'{"schema_version": 1, "geometry": "not base64!"}',
    "future schema": b'{"schema_version": 99}',
    "no schema": b'{"filter_text": "x"}',
    "a list": b"[1, 2, 3]",
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "list of wrong items": b'{"schema_version": 1, "countries": ["Germany", 3]}',
    "v1 roles not a list": b'{"schema_version": 1, "roles": "MP"}',
    "v2 with v1 entries": b'{"schema_version": 2, "countries": ["Germany"]}',
    "unknown facet": b'{"schema_version": 2, "facets": {"shoe size": ["42"]}}',
    "facet values wrong": b'{"schema_version": 2, "facets": {"extra:party": [1]}}',
    "unknown grouping": b'{"schema_version": 2, "chart_grouping": "party"}',
    "too many values": json.dumps(
        {"schema_version": 2, "facets": {"country": [f"c{i}" for i in range(1001)]}}
    ).encode(),
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_gives_defaults_one_notice_and_is_kept(content):
    store = window_state_file()
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    value, notice = store.load()
    assert value == WindowState()
    assert notice and "could not be read" in notice
    kept = [p for p in store.path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].name.startswith(settings.STATE_FILE)
    assert kept[0].read_bytes() == content
    assert kept[0].name in notice
    assert not store.path.exists()
    # The next start is clean: defaults, no second notice.
    assert window_state_file().load() == (WindowState(), None)


def test_failed_write_leaves_old_file_and_no_temporary(monkeypatch):
    store = window_state_file()
    store.save(WindowState(filter_text="old"))
    before = store.path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    warning = store.save(WindowState(filter_text="new"))
    assert warning and "no space left" in warning
    assert store.path.read_bytes() == before
    assert _files(store.path.parent) == [settings.STATE_FILE]
    # Warned once; later saves stay quiet and keep the value in memory.
    assert store.save(WindowState(filter_text="newer")) is None
    assert store.load()[0].filter_text == "newer"


def test_unwritable_folder_keeps_settings_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker / "state"))
    store = window_state_file()
    value, notice = store.load()
    assert value == WindowState()
    assert notice and "cannot be saved" in notice
    assert store.in_memory
    assert store.save(WindowState(filter_text="kept")) is None  # the warning was given
    assert store.load() == (WindowState(filter_text="kept"), None)


def test_older_file_without_new_keys_takes_defaults(tmp_path):
    store = SettingsFile(tmp_path / "s.json", WindowState, "window layout")
    store.path.write_text('{"schema_version": 1, "filter_text": "germany"}')
    value, notice = store.load()
    assert notice is None
    assert value == WindowState(filter_text="germany")


def test_version_1_countries_and_roles_become_choices_per_facet(tmp_path):
    store = SettingsFile(tmp_path / "s.json", WindowState, "window layout")
    old = {
        "schema_version": 1,
        "filter_text": "senator",
        "countries": ["Malaysia", None],
        "roles": [],
        "chart_grouping": "role",
    }
    store.path.write_text(json.dumps(old), "utf-8")
    value, notice = store.load()
    assert notice is None
    assert value == WindowState(
        filter_text="senator", facets={"country": ["Malaysia", None]}, chart_grouping="role"
    )
    assert store.save(value) is None
    saved = json.loads(store.path.read_text("utf-8"))
    assert saved["schema_version"] == settings.SCHEMA_VERSION == 2
    assert saved["facets"] == {"country": ["Malaysia", None]}
    assert "countries" not in saved and "roles" not in saved


def test_choices_of_further_facets_round_trip(tmp_path):
    store = SettingsFile(tmp_path / "s.json", WindowState, "window layout")
    value = WindowState(facets={"extra:party": ["Labour", None]}, chart_grouping="extra:party")
    assert store.save(value) is None
    assert store.load() == (value, None)


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "f.json"
    target.write_bytes(b"old")
    settings.write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert _files(tmp_path) == ["f.json"]


def test_set_aside_never_overwrites_an_earlier_copy(tmp_path):
    bad = tmp_path / "s.json"
    names = set()
    for i in range(3):
        bad.write_text(f"bad {i}")
        names.add(settings.set_aside(bad).name)
    assert len(names) == 3
