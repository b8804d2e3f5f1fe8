"""Two offices on one server: each has its own catalog, queue numbers, day and guests, and no page,
search, autofill, report or admin list of one shows the other's (the access walk,
tests/trust/test_every_url_answers_each_role_as_expected.py, reads every URL for them too)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from offices.current import acting_for
from offices.models import Office
from pojok import roles
from routing.models import Bidang, Topic
from survey.models import Unsur
from tests.factories import advance_to, make_user, make_visit, wib
from visits.models import SopStep, Visit

pytestmark = pytest.mark.django_db

SECRET = "Gendis Rahasiani"


@pytest.fixture
def bappeda(other_office):
    """Bappeda's desk, Kasubbag and a staff member of its Subbagian Keuangan, and a guest of theirs who
    went through every step."""
    with acting_for(other_office):
        people = {"petugas": make_user("tono", roles.PETUGAS, full_name="Tono Bappeda"),
                  "kasubbag": make_user("wati", roles.KASUBBAG, full_name="Wati Bappeda"),
                  "staf": make_user("joko", roles.STAF, bidang_code="keuangan", full_name="Joko Bappeda"),
                  "pimpinan": make_user("bima", roles.PIMPINAN, full_name="Bima Bappeda")}
        visit = make_visit(people["petugas"], guest_name=SECRET, phone="0812 7000 2222", at=wib(hour=8))
        advance_to(visit, ["greet", "report", "route", "receive", "finish", "see_out"], people,
                   bidang_code="keuangan")
    return {"office": other_office, "people": people, "visit": visit}


def test_a_new_office_starts_from_the_generic_template(other_office):
    with acting_for(other_office):
        assert list(Bidang.objects.values_list("code", flat=True)) == [
            "sekretariat", "umum", "keuangan", "perencanaan"]
        assert Topic.objects.count() == 5 and SopStep.objects.count() == 6 and Unsur.objects.count() == 9
        assert "ke kantor ini" in SopStep.objects.get(number=1).name
    # BPKAD keeps its own catalog, its Sekretariat beside Bappeda's
    assert Bidang.objects.filter(code="anggaran").exists() and Bidang.objects.filter(code="sekretariat").exists()
    assert Bidang.all_offices.filter(code="sekretariat").count() == 2


def test_queue_numbers_are_per_office_and_day(people, bappeda):
    ours = make_visit(people["petugas"], at=wib(hour=8, minute=30))
    assert (ours.queue_seq, bappeda["visit"].queue_seq) == (1, 1)
    assert ours.day == bappeda["visit"].day


def test_the_desk_board_and_the_visit_pages_are_the_offices_own(client_of, people, bappeda):
    make_visit(people["petugas"], guest_name="Siti Aminah")
    with acting_for(bappeda["office"]):
        make_visit(bappeda["people"]["petugas"], guest_name=SECRET)
    ours = client_of(people["petugas"]).get(reverse("visits:desk")).content.decode()
    assert "Siti Aminah" in ours and SECRET not in ours
    theirs = client_of(bappeda["people"]["petugas"]).get(reverse("visits:desk")).content.decode()
    assert SECRET in theirs and "Siti Aminah" not in theirs
    their_visit = reverse("visits:detail", args=[bappeda["visit"].pk])
    assert client_of(people["petugas"]).get(their_visit).status_code == 404


def test_the_returning_guest_lookup_never_offers_another_offices_guest(client_of, people, bappeda):
    answer = client_of(people["petugas"]).get(reverse("visits:returning_guests"), {"guest_name": "Gendis"})
    assert answer.status_code == 200 and SECRET not in answer.content.decode()
    own = client_of(bappeda["people"]["petugas"]).get(reverse("visits:returning_guests"), {"guest_name": "Gendis"})
    assert SECRET in own.content.decode()


def test_the_history_search_and_its_export_keep_to_the_office(client_of, people, bappeda, pimpinan):
    for page in ("visits:consultation_search", "visits:consultation_export"):
        answer = client_of(pimpinan).get(reverse(page), {"tamu": "Gendis"})
        body = b"".join(answer.streaming_content) if answer.streaming else answer.content
        assert answer.status_code == 200 and SECRET.encode() not in body


def test_each_offices_report_counts_its_own_visits(client_of, people, staf, pimpinan, bappeda):
    visit = make_visit(people["petugas"], at=wib(hour=9))
    advance_to(visit, ["greet", "report", "route", "receive", "finish", "see_out"], people)
    month = {"periode": "bulan", "bulan": "2026-11"}
    ours = client_of(pimpinan).get(reverse("visits:report_csv"), month)
    theirs = client_of(bappeda["people"]["pimpinan"]).get(reverse("visits:report_csv"), month)
    ours_text, theirs_text = (b"".join(r.streaming_content if r.streaming else [r.content]).decode()
                              for r in (ours, theirs))
    assert "Bidang Anggaran" in ours_text and "Subbagian Keuangan" not in ours_text
    assert "Subbagian Keuangan" in theirs_text and "Bidang Anggaran" not in theirs_text


def test_the_admin_lists_only_the_offices_rows(client_of, admin_user, bappeda):
    make_visit(make_user("budi2", roles.PETUGAS), guest_name="Siti Aminah")
    page = client_of(admin_user).get(reverse("admin:visits_visit_changelist")).content.decode()
    assert "Siti Aminah" in page and SECRET not in page
    people = client_of(admin_user).get(reverse("admin:pojok_user_changelist")).content.decode()
    assert "rina" in people and "tono" not in people
    their_visit = reverse("admin:visits_visit_change", args=[bappeda["visit"].pk])
    assert client_of(admin_user).get(their_visit).status_code == 302  # "does not exist", to the index


def test_an_office_outside_wib_has_its_own_day(people):
    """23.30 WIB on 23 November is 01.30 WIT on 24 November: Jayapura's guest is of the 24th."""
    papua = Office.objects.create(code="bpkad-jayapura", name="BPKAD Kota Jayapura", short_name="BPKAD Jayapura",
                                  time_zone="Asia/Jayapura")
    moment = datetime(2026, 11, 23, 16, 30, tzinfo=UTC)
    ours = make_visit(people["petugas"], at=moment)
    with acting_for(papua):
        desk = make_user("yohan", roles.PETUGAS, full_name="Yohanes Desk")
        theirs = make_visit(desk, at=moment)
        later = make_visit(desk, at=moment + timedelta(minutes=5))
    assert ours.day.isoformat() == "2026-11-23" and theirs.day.isoformat() == "2026-11-24"
    assert (theirs.queue_seq, later.queue_seq) == (1, 2)
    assert Visit.all_offices.filter(day="2026-11-24").count() == 2


def test_a_kabupaten_account_reaches_no_offices_page(client, django_user_model):
    inspector = django_user_model.objects.create_user("inspektur", password="x", office=None)
    client.force_login(inspector)
    for page in ("visits:desk", "visits:reports", "visits:triage"):
        answer = client.get(reverse(page))
        assert answer.status_code == 403, page


def test_an_offices_record_of_rule_changes_and_logins_is_its_own(client_of, admin_user, other_office):
    with acting_for(other_office):
        their_admin = make_user("lina", roles.ADMIN, full_name="Lina Bappeda", is_staff=True)
        unit = Bidang.objects.get(code="keuangan")
    theirs = Client()
    theirs.force_login(their_admin)
    theirs.post(reverse("admin:routing_bidang_change", args=[unit.pk]),
                {"code": "keuangan", "name": "Subbagian Keuangan Rahasia", "room": "", "email": "", "order": 3,
                 "active": "on"})
    with acting_for(other_office):
        assert Bidang.objects.get(pk=unit.pk).name == "Subbagian Keuangan Rahasia"
    ours = client_of(admin_user)
    for page in (reverse("audit:rule_changes"), reverse("admin:auditlog_logentry_changelist"),
                 reverse("admin:audit_loginevent_changelist")):
        text = ours.get(page).content.decode()
        assert "Rahasia" not in text and "lina" not in text, page
    assert "Rahasia" in theirs.get(reverse("audit:rule_changes")).content.decode()


def test_each_office_checks_its_own_arrival_checklist_and_polls_its_own_board(client_of, petugas, bappeda):
    """The checklist and the boards' stamps are kept in the shared cache: each office under its own name."""
    from visits.models import ArrivalRule

    ours = client_of(petugas).get(reverse("visits:check_in")).content.decode()  # cached for BPKAD now
    assert "Memakai masker" in ours
    with acting_for(bappeda["office"]):
        ArrivalRule.objects.update(active=False)
        ArrivalRule.objects.create(text="Membawa surat tugas", order=1)
    theirs = Client()
    theirs.force_login(bappeda["people"]["petugas"])
    page = theirs.get(reverse("visits:check_in")).content.decode()
    assert "Membawa surat tugas" in page and "Memakai masker" not in page
    assert "Membawa surat tugas" not in client_of(petugas).get(reverse("visits:check_in")).content.decode()
    board = reverse("visits:desk_rows")
    etag = client_of(petugas).get(board)["ETag"]
    with acting_for(bappeda["office"]):
        make_visit(bappeda["people"]["petugas"], guest_name="Tamu Lain Kantor")
    assert client_of(petugas).get(board, headers={"If-None-Match": etag}).status_code == 304  # not BPKAD's
