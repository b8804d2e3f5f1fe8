"""The consultation record: a draft may be saved and continued; "Selesai" needs the mode and the outcome."""

from datetime import timedelta

import pytest
from django.urls import reverse

from visits.models import Consultation, DocumentType, State, StepResult

pytestmark = pytest.mark.django_db


def _post(client, visit, action="draft", **fields):
    data = {"action": action, "mode": "", "problem": "", "outcome": "", "other_documents": "", **fields}
    return client.post(reverse("visits:consultation", args=[visit.pk]), data)


def test_the_form_explains_each_mode_in_indonesian(client_of, staf, consulting):
    html = client_of(staf).get(reverse("visits:consultation", args=[consulting().pk])).content.decode()
    for words in [
        "Penyelesaian langsung",
        "Saran dan arahan",
        "Mediasi",
        "Kolaborasi",
        "Pejabat menjadi penengah",
        "SPD",
        "SP2D",
        "DPA",
    ]:
        assert words in html


def test_a_draft_is_saved_partially_and_continued_later(client_of, staf, consulting):
    visit = consulting()
    spm = DocumentType.objects.get(code="SPM")
    client = client_of(staf)
    response = _post(
        client, visit, problem="Pencairan belum bisa", documents=[spm.pk], other_documents="Nota dinas"
    )

    assert response.status_code == 302
    consultation = Consultation.objects.get(visit=visit)
    assert (
        consultation.problem == "Pencairan belum bisa"
        and consultation.mode == ""
        and not consultation.is_complete
    )
    assert list(consultation.documents.values_list("code", flat=True)) == ["SPM"]
    visit.refresh_from_db()
    assert visit.state == State.CONSULTING

    html = client.get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert "Pencairan belum bisa" in html and 'value="Nota dinas"' in html
    spm_box = html.split(f'name="documents" value="{spm.pk}"')[1].split(">")[0]
    assert "checked" in spm_box

    _post(client, visit, problem="Pencairan belum bisa", documents=[])
    assert consultation.documents.count() == 0  # unticking every document clears them


def test_closing_records_the_consultation_and_hands_the_guest_to_the_desk(
    client_of, staf, petugas, consulting
):
    visit = consulting()
    sp2d = DocumentType.objects.get(code="SP2D")
    response = _post(
        client_of(staf),
        visit,
        action="finish",
        mode="provision",
        problem="SP2D belum terbit",
        outcome="Dokumen dilengkapi, SP2D diterbitkan hari ini.",
        documents=[sp2d.pk],
    )

    assert response.status_code == 302 and response["Location"] == reverse("visits:inbox")
    visit.refresh_from_db()
    assert visit.state == State.LEAVING
    step5 = visit.steps.get(number=5)
    assert step5.result == StepResult.DONE and step5.ended_by == staf
    assert visit.current_step().number == 6
    consultation = visit.consultation
    assert consultation.mode == "provision" and consultation.recorded_by == staf
    desk = client_of(petugas).get(reverse("visits:desk_rows")).content.decode()
    row = desk.split(f'id="visit-{visit.pk}"')[1].split("</tr>")[0]
    assert "Antar keluar" in row and 'data-move="see_out"' in row


@pytest.mark.parametrize(
    "missing, message",
    [
        ("mode", "Pilih mode konsultasi sebelum menutup."),
        ("outcome", "Isi jawaban atau hasil konsultasi sebelum menutup."),
    ],
)
def test_closing_without_mode_or_outcome_is_refused_with_the_form_kept(
    client_of, staf, consulting, record_of, missing, message
):
    visit = consulting()
    before = record_of(visit)
    fields = {
        "mode": "mediation",
        "problem": "Sengketa nilai SPJ dengan bendahara",
        "outcome": "Dipertemukan dengan bendahara",
        "other_documents": "Kuitansi",
    }
    fields[missing] = ""

    response = _post(client_of(staf), visit, action="finish", **fields)

    html = response.content.decode()
    assert response.status_code == 200 and message in html
    assert "Sengketa nilai SPJ dengan bendahara" in html and 'value="Kuitansi"' in html
    if missing == "outcome":
        assert 'value="mediation" checked' in html
    assert record_of(visit) == before
    assert not Consultation.objects.filter(visit=visit).exists()


def test_the_move_itself_refuses_an_incomplete_draft(client_of, staf, consulting):
    """The generic move page too: "Selesai" on a draft without an outcome changes nothing."""
    visit = consulting()
    _post(client_of(staf), visit, mode="collaboration")
    client_of(staf).post(reverse("visits:move", args=[visit.pk, "finish"]))
    visit.refresh_from_db()
    assert visit.state == State.CONSULTING


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"follow_up_needed": "on", "follow_up_by": "me"}, "follow_up_due", "Isi batas waktu tindak lanjut."),
        (
            {"follow_up_needed": "on", "follow_up_due": "2020-01-01", "follow_up_by": "me"},
            "follow_up_due",
            "tidak boleh sebelum tanggal kunjungan",
        ),
        (
            {"follow_up_needed": "on", "follow_up_due": "besok", "follow_up_by": "me"},
            "follow_up_due",
            "Tulis tanggal seperti",
        ),
        (
            {"follow_up_needed": "on", "follow_up_due": "+5"},
            "follow_up_by",
            "Pilih siapa yang menindaklanjuti.",
        ),
        (
            {"follow_up_needed": "on", "follow_up_due": "+5", "follow_up_by": "other"},
            "follow_up_by",
            "Pilih pejabat dari Bidang ini.",
        ),
        ({"mode": "bribery"}, "mode", "Pilih salah satu mode."),
        ({"problem": "x" * 4001}, "problem", "4000"),
        ({"outcome": "baris\x00rusak"}, "outcome", "karakter yang tidak dapat dibaca"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_saves_nothing(
    client_of, staf, staf_lain, consulting, fields, field, message
):
    visit = consulting()
    values = dict(fields)
    if values.get("follow_up_by") == "me":
        values["follow_up_by"] = staf.pk
    elif values.get("follow_up_by") == "other":
        values["follow_up_by"] = staf_lain.pk
    if values.get("follow_up_due") == "+5":
        values["follow_up_due"] = (visit.day + timedelta(days=5)).isoformat()

    response = _post(client_of(staf), visit, **values)

    assert response.status_code == 200 and message in response.content.decode()
    assert not Consultation.objects.filter(visit=visit).exists()


def test_a_follow_up_is_recorded_with_its_due_date_and_who(client_of, staf, kabid, consulting):
    visit = consulting()
    due = visit.day + timedelta(days=7)
    _post(
        client_of(staf),
        visit,
        action="finish",
        mode="prescription",
        outcome="Diberi contoh format RKA",
        follow_up_needed="on",
        follow_up_due=due.isoformat(),
        follow_up_by=kabid.pk,
    )
    consultation = Consultation.objects.get(visit=visit)
    assert (
        consultation.follow_up_needed
        and consultation.follow_up_due == due
        and consultation.follow_up_by == kabid
    )


def test_without_follow_up_the_due_date_and_who_are_not_kept(client_of, staf, consulting):
    visit = consulting()
    _post(
        client_of(staf),
        visit,
        follow_up_due=(visit.day + timedelta(days=3)).isoformat(),
        follow_up_by=staf.pk,
    )
    consultation = Consultation.objects.get(visit=visit)
    assert consultation.follow_up_due is None and consultation.follow_up_by is None


def test_notes_are_shown_as_text_never_as_markup(client_of, staf, finished):
    visit = finished(outcome='<script>alert("x")</script> nilai < 10 juta')
    html = client_of(staf).get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; nilai &lt; 10 juta" in html


def test_a_closed_consultation_is_read_only(client_of, staf, finished, record_of):
    visit = finished()
    client = client_of(staf)
    html = client.get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert 'id="consultation-form"' not in html and 'id="consultation-record"' in html
    before = record_of(visit)
    response = _post(client, visit, mode="mediation", outcome="ditimpa")
    assert (
        response.status_code == 200
        and "hanya dapat diisi selama tamu sedang berkonsultasi" in response.content.decode()
    )
    assert record_of(visit) == before
    assert Consultation.objects.get(visit=visit).outcome != "ditimpa"
