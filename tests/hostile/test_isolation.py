"""Reading isolation: a reader that hangs, allocates without limit or crashes costs its own file
(evidence.unreadable), never the application."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.core import worker_pool
from desktop_app.core.errors import Cancelled, UserError
from desktop_app.core.progress import CancelToken
from desktop_app.core.reading import service
from desktop_app.core.reading.text import OK, UNREADABLE
from desktop_app.core.worker_pool import IsolatedPool, Limits
from tests.core.files import write_pdf
from tests.hostile import readers

pytestmark = pytest.mark.timeout(120)


MEMORY = 512 * 1024**2
SLOW_OK = Limits(seconds=30.0, memory_bytes=MEMORY)  # for tasks that may take a while on a busy machine


@pytest.fixture
def small_pool():
    """A pool with tight limits: 3 s per task, 512 MB of address space."""
    pool = IsolatedPool(workers=2, limits=Limits(seconds=3.0, memory_bytes=MEMORY))
    previous = worker_pool.set_default_pool(pool)
    yield pool
    worker_pool.set_default_pool(previous)
    pool.close()


def test_map_keeps_order_reports_progress_and_reuses_workers(small_pool: IsolatedPool) -> None:
    seen: list[float] = []
    out = small_pool.map(
        readers.echo, [(i,) for i in range(7)], with_progress=True, progress=lambda f, _l: seen.append(f)
    )
    assert [o.value for o in out] == list(range(7)) and all(o.ok for o in out)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    pids = {o.value for o in small_pool.map(readers.pid, [()] * 6)}
    assert 1 <= len(pids) <= 2  # long-lived workers, never more than the pool's size


def test_hang_and_runaway_memory_end_within_the_limit(small_pool: IsolatedPool) -> None:
    t0 = time.monotonic()
    hung = small_pool.run(readers.hang, "a", "")
    elapsed = time.monotonic() - t0
    hoarded = small_pool.run(readers.allocate, "b", "", limits=SLOW_OK)
    crashed = small_pool.run(readers.crash, "c", "")
    fine = small_pool.run(readers.echo, "ok")
    assert (hung.ok, hung.failure) == (False, "timeout") and "longer than 3 seconds" in hung.message
    assert (hoarded.ok, hoarded.failure) == (
        False,
        "memory",
    ) and "more memory than allowed" in hoarded.message
    assert (crashed.ok, crashed.failure) == (False, "crashed")
    assert fine.ok and fine.value == "ok"  # the pool recovered: new workers replaced the dead ones
    assert elapsed < 30


def test_user_error_propagates_and_cancel_kills(small_pool: IsolatedPool) -> None:
    with pytest.raises(UserError, match="OCR engine"):
        small_pool.run(readers.user_error)
    cancel = CancelToken()
    import threading

    threading.Timer(0.5, cancel.cancel).start()
    t0 = time.monotonic()
    with pytest.raises(Cancelled):
        small_pool.run(readers.hang, "x", "", cancel=cancel)
    assert time.monotonic() - t0 < 2.5  # well before the 3 s limit
    assert small_pool.run(readers.echo, 5).value == 5


@pytest.mark.parametrize("task", [readers.hang, readers.allocate])
def test_misbehaving_reader_makes_the_file_unreadable(
    store, tmp_path: Path, small_pool, monkeypatch, task
) -> None:
    from desktop_app.core.checks.engine import run_checks

    ef = store.add_file(write_pdf(tmp_path / "certificate.pdf"))
    monkeypatch.setattr(service, "READ_TASK", task)
    if task is readers.allocate:  # filling 512 MB can take seconds on a busy machine
        small_pool.limits = SLOW_OK
    t0 = time.monotonic()
    doc = service.read_document(store, ef)
    assert time.monotonic() - t0 < 30
    assert doc.status == UNREADABLE
    assert doc.message.startswith("certificate.pdf: ") and "treated as unreadable" in doc.message
    # not cached: a later read with a working reader succeeds
    monkeypatch.setattr(service, "READ_TASK", service.read_path_json)
    assert service.read_document(store, ef).status == OK
    del run_checks


def test_real_reader_in_a_worker(store, tmp_path: Path, small_pool) -> None:
    ef = store.add_file(write_pdf(tmp_path / "c.pdf", "Reg. No. 6,123,456"))
    doc = service.read_document(store, ef)
    assert doc.status == OK and "6,123,456" in doc.full_text
