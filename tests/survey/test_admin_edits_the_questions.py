"""The admin words the questions (not their number), reads responses and marks complaints handled."""

from django.urls import reverse

from survey.models import Unsur
from tests.survey.conftest import make_response


def _unsur_form(item: Unsur, **changes) -> dict:
    data = {"name": item.name, "question": item.question,
            **{f"answer_{value}": text for value, text in item.answers}}
    return {**data, **changes}


def test_the_admin_rewords_a_question_and_guests_see_it(client, admin_user, invited):
    client.force_login(admin_user)
    item = Unsur.objects.get(number=4)
    saved = client.post(reverse("admin:survey_unsur_change", args=[4]),
                        _unsur_form(item, question="Apakah Anda dimintai biaya untuk konsultasi ini?",
                                    answer_4="Tidak dipungut biaya"))
    assert saved.status_code == 302
    client.logout()
    html = client.get(reverse("survey:answer", args=[invited().token])).content.decode()
    assert "Apakah Anda dimintai biaya untuk konsultasi ini?" in html and "Tidak dipungut biaya" in html


def test_the_nine_unsur_can_be_neither_added_nor_deleted(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:survey_unsur_add")).status_code == 403
    assert client.post(reverse("admin:survey_unsur_delete", args=[1]), {"post": "yes"}).status_code == 403
    assert Unsur.objects.count() == 9


def test_the_admin_marks_a_complaint_handled_but_cannot_change_the_answers(client, admin_user):
    response = make_response([2] * 9, suggestion="Antrean lama sekali.", is_complaint=True)
    client.force_login(admin_user)
    url = reverse("admin:survey_response_change", args=[response.pk])
    client.post(url, {"handled": "on", "suggestion": "diubah", "is_complaint": "",
                      "answers-TOTAL_FORMS": "0", "answers-INITIAL_FORMS": "0"})
    response.refresh_from_db()
    assert response.handled
    assert (response.suggestion, response.is_complaint) == ("Antrean lama sekali.", True)
    assert list(response.answers.values_list("value", flat=True)) == [2] * 9


def test_other_roles_cannot_open_the_survey_admin(client, pimpinan, petugas):
    for person in (pimpinan, petugas):
        client.force_login(person)
        assert client.get(reverse("admin:survey_response_changelist")).status_code == 302  # not staff
