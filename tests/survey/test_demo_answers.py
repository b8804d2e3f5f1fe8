"""The demo command answers part of the finished visits through the real path, and only once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from survey.models import Invitation, Response
from tests.factories import wib


def test_demo_answers_are_added_once(finished_visit):
    for hour in range(8, 14):
        finished_visit(at=wib(2026, 11, 20, hour))
    out = StringIO()
    call_command("seed_survey_demo", "--share", "1", stdout=out)
    assert "ditambahkan: 6" in out.getvalue()
    assert Response.objects.count() == 6 and Invitation.objects.filter(answered=True).count() == 6
    call_command("seed_survey_demo", "--share", "1", stdout=StringIO())
    assert Response.objects.count() == 6


def test_a_share_outside_zero_to_one_is_refused(db):
    with pytest.raises(CommandError):
        call_command("seed_survey_demo", "--share", "2")


def test_a_partial_share_run_twice_adds_nothing_the_second_time(finished_visit):
    for hour in range(8, 16):
        finished_visit(at=wib(2026, 11, 20, hour))
    call_command("seed_survey_demo", "--share", "0.5", stdout=StringIO())
    first = Response.objects.count()
    out = StringIO()
    call_command("seed_survey_demo", "--share", "0.5", stdout=out)
    assert "ditambahkan: 0" in out.getvalue()
    assert Response.objects.count() == first
