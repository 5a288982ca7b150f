"""The hostile corpus (tests/hostile/corpus.py): every input refused with one sentence or handled,
within a time bound, nothing stored when refused. The fast run checks intake and case-folder reading
in-process with small bombs; the slow run drives the real command line on the full corpus."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.errors import UserError
from desktop_app.core.intake import inspect_file
from desktop_app.core.store import Store
from tests.core.test_case_folder import snapshot
from tests.hostile.corpus import build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return build(tmp_path_factory.mktemp("corpus"), large=False)


def test_evidence_refused_in_one_sentence_or_accepted(corpus) -> None:
    for item in (i for i in corpus if i.how == "evidence"):
        t0 = time.monotonic()
        try:
            inspect_file(item.path)
            outcome = "handled"
        except UserError as exc:
            outcome = "refused"
            msg = str(exc)
            assert item.name in msg and "\n" not in msg and "Traceback" not in msg, msg
        assert time.monotonic() - t0 < 15, item.name
        assert item.expect in ("either", outcome), (item.name, outcome)


def test_case_folders_refused_with_nothing_stored(corpus, store: Store) -> None:
    for item in (i for i in corpus if i.how == "folder"):
        before = snapshot(store)
        t0 = time.monotonic()
        try:
            import_case_folder(store, item.path)
            outcome = "handled"
        except UserError as exc:
            outcome = "refused"
            assert "\n" not in str(exc), str(exc)
            assert snapshot(store) == before, item.name
        assert time.monotonic() - t0 < 15, item.name
        assert item.expect in ("either", outcome), (item.name, outcome)


@pytest.mark.slow
def test_full_corpus_through_the_command_line(tmp_path: Path) -> None:
    from bench.bench_hostile import run_item

    for item in build(tmp_path / "corpus"):
        row = run_item(item, tmp_path / "work", timeout=60)
        assert row["outcome"] not in ("HANG", "TRACEBACK"), row
        assert row["peak_rss"] < 2 << 30, row
        assert row["as_expected"], row
