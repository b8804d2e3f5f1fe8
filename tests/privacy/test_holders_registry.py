"""The registry of places holding guests' personal data: complete, and every entry points at real fields."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from booking.models import Booking
from notifications.models import Notification
from pojok import clock
from privacy.holders import GUEST, HOLDERS, REMOVED, Holder

pytestmark = pytest.mark.django_db

# Field names that hold who a guest is, wherever a model keeps them.
GUEST_FIELDS = {"guest_name", "phone"}


def test_every_model_with_a_guest_field_is_in_the_registry():
    covered = {(holder.model.lower(), name) for holder in HOLDERS for name in holder.personal}
    missing = [f"{model._meta.label_lower}.{f.name}"
               for model in apps.get_models() for f in model._meta.fields
               if f.name in GUEST_FIELDS and (model._meta.label_lower, f.name) not in covered]
    assert missing == []


@pytest.mark.parametrize("holder", HOLDERS, ids=lambda holder: holder.key)
def test_every_entry_names_real_fields(holder):
    rows = holder.rows()
    list(rows.values(holder.age, *holder.shown, *holder.personal)[:1])  # an unknown field raises here
    list(holder.expired(clock.today()).values("pk")[:1])
    assert all(isinstance(value, str) for value in holder.personal.values())


def test_an_entry_says_either_how_to_match_a_guest_or_which_visit_it_follows():
    with pytest.raises(ValueError):
        Holder("visits.Visit", age="day", personal={"phone": ""})
    with pytest.raises(ValueError):
        Holder("visits.Visit", age="day", personal={"phone": ""}, match={"nik": "phone"})


def make_booking(*, days: int, email="siti@contoh.example", name="Siti Aminah") -> Booking:
    day = clock.today() - timedelta(days=days)
    return Booking.objects.create(code=f"T{days:05d}", guest_name=name, origin="Dinas Kesehatan",
                                  phone="+6281234567890", email=email, keperluan="Konsultasi SPJ",
                                  planned_date=day, part_of_day="pagi", created_on=day, source="abcd1234")


def test_old_pre_registrations_and_guest_emails_are_anonymized_too(seeded):
    old, recent = make_booking(days=400), make_booking(days=10, name="Rudi Hartono")
    mail = Notification.objects.create(to_email="siti@contoh.example", subject="Kode pendaftaran Siti Aminah",
                                       body="Halo Siti Aminah",
                                       created_at=clock.now() - timedelta(days=400))

    call_command("anonymize_guests", stdout=None)

    old.refresh_from_db(), recent.refresh_from_db(), mail.refresh_from_db()
    assert (old.guest_name, old.phone, old.email, old.keperluan, old.source) == (GUEST, "", "", REMOVED, "")
    assert (old.planned_date, old.origin) == (clock.today() - timedelta(days=400), "Dinas Kesehatan")
    assert recent.guest_name == "Rudi Hartono"
    assert (mail.to_email, mail.subject, mail.body) == ("", REMOVED, REMOVED)


def test_the_admin_finds_and_erases_a_guest_by_email(client_of, admin_user):
    booking = make_booking(days=2)
    mail = Notification.objects.create(to_email="siti@contoh.example", subject="Kode",
                                       body="Halo Siti Aminah")
    client = client_of(admin_user)
    found = client.post(reverse("privacy:guest_data"), {"email": "SITI@contoh.example", "aksi": "cari"})
    ids = [row["id"] for table in found.context["tables"] for row in table["rows"]]
    assert len(ids) == 2

    client.post(reverse("privacy:guest_data"), {"email": "siti@contoh.example", "aksi": "hapus", "pilih": ids,
                                               "confirm": "on"})

    booking.refresh_from_db(), mail.refresh_from_db()
    assert (booking.guest_name, booking.email, mail.to_email, mail.body) == (GUEST, "", "", REMOVED)
