"""A visit gets one response: a second submission, even through a stale copy of the link, stores nothing."""

import pytest
from django.urls import reverse

from survey.answering import SurveyClosed, invite, submit_response
from survey.models import Invitation, Response
from tests.survey.conftest import all_answers

ANSWERS = {n: 4 for n in range(1, 10)}


def test_the_second_submission_through_the_link_is_refused(client, invited):
    invitation = invited()
    url = reverse("survey:answer", args=[invitation.token])
    client.post(url, all_answers(4))
    second = client.post(url, all_answers(1))
    assert "sudah diisi" in second.content.decode()
    assert Response.objects.count() == 1
    assert set(Response.objects.get().answers.values_list("value", flat=True)) == {4}


def test_a_stale_invitation_object_cannot_answer_twice(invited):
    invitation = invited()
    stale = Invitation.objects.get(pk=invitation.pk)
    submit_response(invitation=invitation, answers=ANSWERS)
    with pytest.raises(SurveyClosed):
        submit_response(invitation=stale, answers=ANSWERS)
    assert Response.objects.count() == 1


def test_a_visit_has_one_invitation(finished_visit):
    visit = finished_visit()
    assert invite(visit=visit) == invite(visit=visit)
    assert Invitation.objects.filter(visit=visit).count() == 1

