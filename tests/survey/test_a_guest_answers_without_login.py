"""A guest opens the link from the slip, answers the nine unsur and the optional profile, no login."""

from datetime import timedelta

from django.urls import reverse

from survey.models import Answer, Response
from tests.factories import wib
from tests.survey.conftest import all_answers


def _url(invitation) -> str:
    return reverse("survey:answer", args=[invitation.token])


def test_the_form_shows_the_nine_questions_and_their_wordings(client, invited, unsur):
    invitation = invited()
    page = client.get(_url(invitation))
    assert page.status_code == 200
    html = page.content.decode()
    for item in unsur:
        assert item.question in html and item.answer_1 in html and item.answer_4 in html
    assert "Bidang Anggaran" in html


def test_an_answer_is_stored_with_the_visits_bidang_topic_and_day(client, invited):
    invitation = invited()
    data = {**all_answers(3), "u1": "1", "u9": "4", "sex": "P", "age_group": "35-44", "education": "s1",
            "occupation": "asn", "suggestion": "Ruang tunggu perlu kipas.", "is_complaint": ""}
    page = client.post(_url(invitation), data)
    assert page.status_code == 302 and page["Location"] == _url(invitation)
    response = Response.objects.get()
    assert (response.day, response.bidang.code, response.topic_id) == (wib().date(), "anggaran",
                                                                      invitation.visit.topic_id)
    profile = (response.sex, response.age_group, response.education, response.occupation)
    assert profile == ("P", "35-44", "s1", "asn")
    assert response.suggestion == "Ruang tunggu perlu kipas." and not response.is_complaint
    assert dict(Answer.objects.values_list("unsur__number", "value")) == {1: 1, **{n: 3 for n in range(2, 9)}, 9: 4}
    invitation.refresh_from_db()
    assert invitation.answered
    thanks = client.get(_url(invitation))
    assert "Terima kasih" in thanks.content.decode()


def test_the_profile_may_be_left_empty(client, invited):
    invitation = invited()
    client.post(_url(invitation), all_answers(4))
    response = Response.objects.get()
    r = response
    left_empty = (r.sex, r.age_group, r.education, r.occupation, r.suggestion)
    assert left_empty == ("", "", "", "", "")


def test_a_complaint_is_flagged_for_the_admin(client, invited, admin_user):
    invitation = invited()
    client.post(_url(invitation), {**all_answers(2), "suggestion": "Petugas tidak ada di meja.",
                                   "is_complaint": "on"})
    assert Response.objects.get().is_complaint
    client.force_login(admin_user)
    listing = client.get(reverse("admin:survey_response_changelist") + "?is_complaint__exact=1")
    assert listing.status_code == 200 and "Petugas tidak ada di meja." in listing.content.decode()


def test_a_visit_still_in_consultation_cannot_be_answered_yet(client, finished_visit):
    from survey.answering import invite

    visit = finished_visit(moves=["greet", "report", "route", "receive"])
    invitation = invite(visit=visit)
    page = client.get(_url(invitation))
    assert "setelah konsultasi Anda selesai" in page.content.decode()
    client.post(_url(invitation), all_answers(4))
    assert not Response.objects.exists()


def test_a_guest_waiting_to_be_seen_out_may_already_answer(client, finished_visit):
    from survey.answering import invite

    visit = finished_visit(moves=["greet", "report", "route", "receive", "finish"])
    client.post(_url(invite(visit=visit, at=visit.arrived_at + timedelta(hours=1))), all_answers(4))
    assert Response.objects.count() == 1


def test_a_cancelled_visit_has_no_survey(client, finished_visit, petugas):
    from survey.answering import invite

    visit = finished_visit(moves=["greet"])
    visit.advance("cancel", by=petugas, note="Tamu pulang", at=visit.arrived_at + timedelta(minutes=5))
    page = client.get(_url(invite(visit=visit)))
    assert "tidak selesai dilayani" in page.content.decode()


def test_a_code_typed_from_the_slip_leads_to_the_form(client, invited):
    invitation = invited()
    page = client.get(reverse("survey:start"), {"kode": f" {invitation.token.upper()} "})
    assert page.status_code == 302 and page["Location"] == _url(invitation)
    unknown = client.get(reverse("survey:start"), {"kode": "zzzzzzzz"})
    assert unknown.status_code == 200 and "tidak dikenal" in unknown.content.decode()
