"""Ten phones submitting the same link at the same instant store one response.

PostgreSQL only: SQLite serialises whole-database writes, so it cannot show row-level races.
"""

import threading

import pytest
from django.db import connection

from survey.answering import SurveyClosed, submit_response
from survey.models import Invitation, Response

THREADS = 10

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_ten_simultaneous_submissions_store_one_response(invited):
    invitation = invited()
    barrier = threading.Barrier(THREADS)
    outcomes = []

    def submit():
        try:
            # each phone loaded the form before anyone sent it
            copy = Invitation.objects.get(pk=invitation.pk)
            barrier.wait(timeout=30)
            submit_response(invitation=copy, answers={n: 3 for n in range(1, 10)})
            outcomes.append("stored")
        except SurveyClosed as closed:
            outcomes.append(closed)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("stored") == 1
    assert len([o for o in outcomes if isinstance(o, SurveyClosed)]) == THREADS - 1
    assert Response.objects.count() == 1
