"""Ten phones submitting the same link at the same instant store one response.

PostgreSQL only: SQLite serialises whole-database writes, so it cannot show row-level races.
"""

import pytest
from django.db import connection

from survey.answering import SurveyClosed, submit_response
from survey.models import Invitation, Response
from tests.concurrency import run_at_once

THREADS = 10

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_ten_simultaneous_submissions_store_one_response(invited):
    invitation = invited()
    def load():  # each phone loaded the form before anyone sent it
        return Invitation.objects.get(pk=invitation.pk)

    def submit(copy):
        try:
            submit_response(invitation=copy, answers={n: 3 for n in range(1, 10)})
        except SurveyClosed as closed:
            return closed
        return "stored"

    outcomes = run_at_once(submit, threads=THREADS, prepare=load)
    assert outcomes.count("stored") == 1
    assert len([o for o in outcomes if isinstance(o, SurveyClosed)]) == THREADS - 1
    assert Response.objects.count() == 1
