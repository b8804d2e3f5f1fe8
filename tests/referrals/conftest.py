"""What the referral tests share: a guest waiting at the Kasubbag's door, and a filled referral form."""

import pytest

from tests.factories import advance_to, make_visit

TO_THE_DOOR = ["greet", "report"]  # a walk-in waiting in the Kasubbag's queue (step 4)


def referral_form(office, **changes) -> dict:
    data = {"to_office": office.pk, "reason": "Perencanaan program adalah kewenangan Bappeda.",
            "need": "Sinkronisasi RKA dengan Renja 2027", "planned_date": "2026-11-23", "part_of_day": "siang",
            "consent": "on"}
    return {**data, **changes}


@pytest.fixture
def waiting(people):
    return advance_to(make_visit(people["petugas"], guest_name="Siti Aminah", phone="0812-3456-7890"),
                      TO_THE_DOOR, people)


