"""A referral's reason speaks of the guest's need: the sending office's retention and erasure replace it, and
the receiving office's own copy (its booking) is the receiving office's to keep or erase."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from booking.models import Booking
from offices.current import acting_for
from pojok import clock as app_clock
from privacy.holders import REMOVED
from referrals.models import Referral
from tests.referrals.conftest import referral_form
from visits.models import State, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(client_of, people, other_office, waiting) -> Referral:
    client_of(people["kasubbag"]).post(reverse("referrals:new", args=[waiting.pk]), referral_form(other_office))
    return Referral.objects.get()


def test_erasing_the_guest_at_the_sending_office_replaces_the_reason(client_of, admin_user, referral, other_office):
    client = client_of(admin_user)
    found = client.post(reverse("privacy:guest_data"), {"name": "Siti Aminah", "aksi": "cari"})
    ids = [row["id"] for table in found.context["tables"] for row in table["rows"]]
    assert ("rujukan yang dikirim", 1) in found.context["following"]  # it follows the visit

    client.post(reverse("privacy:guest_data"), {"name": "Siti Aminah", "aksi": "hapus", "pilih": ids,
                                               "confirm": "on"})

    referral.refresh_from_db()
    assert referral.reason == REMOVED and referral.to_office_id == other_office.pk
    with acting_for(other_office):
        assert Booking.objects.get().guest_name == "Siti Aminah"  # the receiving office's own record


def test_the_retention_job_replaces_an_old_referrals_reason(referral, other_office):
    Visit.objects.filter(pk=referral.visit_id).update(state=State.DONE,
                                                      day=app_clock.today() - timedelta(days=800))
    Referral.objects.filter(pk=referral.pk).update(sent_on=app_clock.today() - timedelta(days=800))

    with acting_for(other_office):
        call_command("anonymize_guests", stdout=None)  # the receiving office's run: not its words
    referral.refresh_from_db()
    assert referral.reason != REMOVED

    call_command("anonymize_guests", stdout=None)
    referral.refresh_from_db()
    assert referral.reason == REMOVED


def test_an_open_visits_referral_is_kept(referral):
    Referral.objects.filter(pk=referral.pk).update(sent_on=app_clock.today() - timedelta(days=800))
    call_command("anonymize_guests", stdout=None)
    referral.refresh_from_db()
    assert referral.reason != REMOVED  # the guest is still being seen out
