"""The link works through the visit's day plus SURVEY_LINK_DAYS (WIB), then is refused, saying why."""

from datetime import timedelta

import pytest
from django.urls import reverse

from survey.answering import SurveyClosed, check_open, submit_response
from survey.models import Response
from tests.factories import wib
from tests.survey.conftest import all_answers

ANSWERS = {n: 4 for n in range(1, 10)}


def test_with_seven_days_the_link_of_a_visit_on_the_23rd_works_until_the_end_of_the_30th(invited, settings):
    settings.SURVEY_LINK_DAYS = 7
    invitation = invited(at=wib(2026, 11, 23, 9))
    assert invitation.expires_at == wib(2026, 12, 1, 0, 0)
    check_open(invitation, at=wib(2026, 11, 30, 23, 59, 59))  # still open: raises nothing
    with pytest.raises(SurveyClosed, match="kedaluwarsa"):
        check_open(invitation, at=wib(2026, 12, 1, 0, 0))


def test_the_number_of_days_is_a_setting(invited, settings):
    settings.SURVEY_LINK_DAYS = 2
    invitation = invited(at=wib(2026, 11, 23, 9))
    assert invitation.expires_at == wib(2026, 11, 26, 0, 0)


def test_an_expired_link_stores_nothing(invited):
    invitation = invited(at=wib(2026, 11, 23, 9))
    with pytest.raises(SurveyClosed) as closed:
        submit_response(invitation=invitation, answers=ANSWERS,
                        at=invitation.expires_at + timedelta(seconds=1))
    assert closed.value.status == 410
    assert not Response.objects.exists()
    invitation.refresh_from_db()
    assert not invitation.answered


def test_the_public_page_says_the_link_has_expired(client, invited):
    invitation = invited(at=wib(2025, 3, 10, 9))  # long past, whatever today is
    url = reverse("survey:answer", args=[invitation.token])
    page = client.get(url)
    assert page.status_code == 410
    assert "Tautan sudah kedaluwarsa" in page.content.decode() and "17-03-2025" in page.content.decode()
    posted = client.post(url, all_answers(4))
    assert posted.status_code == 410 and not Response.objects.exists()


def test_a_survey_link_works_on_its_last_day_and_is_gone_the_day_after(client, invited, clock, settings):
    settings.SURVEY_LINK_DAYS = 7
    invitation = invited(at=wib(2026, 11, 23, 9))
    url = reverse("survey:answer", args=[invitation.token])
    clock.set(wib(2026, 11, 30, 23, 59))
    assert client.get(url).status_code == 200
    clock.set(wib(2026, 12, 1, 0, 0))
    page = client.get(url)
    assert page.status_code == 410 and "30-11-2026" in page.content.decode()


def test_the_survey_form_posted_at_the_clocks_moment_is_stored(client, invited, clock):
    invitation = invited(at=wib(2026, 11, 23, 9))
    clock.set(wib(2026, 11, 24, 8, 0))
    client.post(reverse("survey:answer", args=[invitation.token]), all_answers(4))
    invitation.refresh_from_db()
    assert invitation.answered
