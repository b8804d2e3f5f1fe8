"""Nothing reachable from a response leads to the guest: not a key, not a time, not the row order."""

from django.core import serializers
from django.db import models
from django.urls import reverse

from survey.models import Answer, Invitation, Response
from tests.survey.conftest import all_answers
from visits.models import Visit

GUEST = {"guest_name": "Rahmat Hidayat", "phone": "081377712345", "origin": "Kecamatan Natar"}


def _reachable_models(start) -> set:
    """Every model reachable from `start` by following its own forward relations (FK, one-to-one, M2M)."""
    seen, todo = set(), [start]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is not None:
                todo.append(field.related_model)
    return seen


def test_no_relation_of_a_response_or_its_answers_leads_to_a_visit_invitation_or_person():
    reachable = _reachable_models(Response) | _reachable_models(Answer)
    assert Visit not in reachable and Invitation not in reachable
    assert not any(model._meta.label == "pojok.User" for model in reachable)


def test_the_invitation_does_not_point_at_the_response():
    related = {field.related_model for field in Invitation._meta.get_fields() if field.is_relation}
    assert Response not in related and Answer not in related


def test_a_response_has_no_time_of_answering_and_a_random_key():
    fields = {field.name: field for field in Response._meta.concrete_fields}
    assert not [name for name, field in fields.items() if isinstance(field, models.DateTimeField)]
    assert isinstance(fields["id"], models.UUIDField)
    assert not [f for f in Invitation._meta.concrete_fields if isinstance(f, models.DateTimeField)
                and f.name not in ("created_at", "expires_at")]  # when it was answered is not kept


def test_the_stored_response_holds_no_name_phone_or_origin(client, invited):
    invitation = invited(**GUEST)
    client.post(reverse("survey:answer", args=[invitation.token]), {**all_answers(3), "suggestion": "Cepat."})
    response = Response.objects.get()
    stored = serializers.serialize("json", [response, *response.answers.all(), response.bidang])
    for value in GUEST.values():
        assert value not in stored
    assert "81377712345" not in stored  # nor the number as stored (+62...)


def test_the_public_form_does_not_show_the_guests_name_or_phone(client, invited):
    invitation = invited(**GUEST)
    html = client.get(reverse("survey:answer", args=[invitation.token])).content.decode()
    assert GUEST["guest_name"] not in html and "81377712345" not in html


def test_the_admins_response_page_shows_no_name_or_phone(client, invited, admin_user):
    invitation = invited(**GUEST)
    client.post(reverse("survey:answer", args=[invitation.token]), all_answers(4))
    client.force_login(admin_user)
    url = reverse("admin:survey_response_change", args=[Response.objects.get().pk])
    html = client.get(url).content.decode()
    assert "Bidang Anggaran" in html
    assert GUEST["guest_name"] not in html and "81377712345" not in html
