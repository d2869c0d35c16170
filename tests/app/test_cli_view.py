"""letter-viewer list --view NAME: a view saved in the window, with the user's statuses."""

from __future__ import annotations

import contextlib
import io

from viewer.cli import main
from viewer.core.library.annotations import AnnotationStore
from viewer.core.library.views import view_of
from viewer.core.query.engine import Query
from viewer.core.verification import Verification


def run(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    assert code == 0
    return out.getvalue()


def test_list_view_prints_the_saved_views_rows(bundled):
    store = AnnotationStore()
    letter = bundled.source.sha256
    people = bundled.signatories
    store.set_verification(
        letter, [(people[3].position, people[3].name)], Verification("confirmed")
    )
    store.set_verification(
        letter, [(people[7].position, people[7].name)], Verification("confirmed")
    )
    query = Query(facets={"status": ["confirmed"]}, sort_column="name", descending=True)
    store.save_view(letter, view_of("checked", query, "status"))
    store.close()
    text = run("list", "--view", "checked")
    lines = [line for line in text.splitlines() if people[3].name in line or people[7].name in line]
    assert len(lines) == 2
    expected = sorted([people[3].name, people[7].name], key=str.casefold, reverse=True)
    assert [n for line in lines for n in expected if n in line] == expected
    assert people[0].name not in text


def test_list_view_names_the_views_when_one_is_missing(capsys):
    assert main(["list", "--view", "nope"]) != 0
    assert "no saved view 'nope'" in capsys.readouterr().err
