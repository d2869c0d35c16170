"""The cycle collector is paused while reading and back on after; big reads are frozen."""

import gc

from viewer.core.formats import gc_pause
from viewer.core.formats.gc_pause import gc_paused


def test_collector_is_off_inside_and_back_on_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_stays_off_if_it_was_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_many_new_objects_are_frozen_few_are_not(monkeypatch):
    monkeypatch.setattr(gc_pause, "FREEZE_ABOVE", 5000)
    gc.collect()
    before = gc.get_freeze_count()
    with gc_paused():
        few = [[i] for i in range(100)]
    assert gc.get_freeze_count() == before
    with gc_paused():
        many = [[i] for i in range(20_000)]
    assert gc.get_freeze_count() >= before + 20_000
    gc.unfreeze()  # leave the test process as it was
    del few, many
