"""Running the same work from many threads released at one instant, for the PostgreSQL race tests."""

import contextvars
import threading

from django.db import connection


def run_at_once(work, *, threads: int, prepare=None) -> list:
    """Run work(prepared) in `threads` threads lined up on a barrier; return what each returned or raised.

    `prepare()` runs in each thread before the barrier (e.g. loading the row as a screen would). Each
    thread acts for the office the test acts for (a new thread starts with no context of its own).
    """
    barrier = threading.Barrier(threads)
    outcomes = []

    def thread():
        try:
            prepared = prepare() if prepare else None
            barrier.wait(timeout=30)
            outcomes.append(work(prepared) if prepare else work())
        except Exception as error:  # noqa: BLE001 - every outcome is asserted on
            outcomes.append(error)
        finally:
            connection.close()

    started = [threading.Thread(target=contextvars.copy_context().run, args=(thread,)) for _ in range(threads)]
    for t in started:
        t.start()
    for t in started:
        t.join(timeout=60)
    assert len(outcomes) == threads
    return outcomes
