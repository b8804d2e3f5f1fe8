"""The offices of the kabupaten's tests: BPKAD and Bappeda, each with a petugas, a Kasubbag and a staff
member of one unit."""

import pytest

from offices.current import acting_for
from offices.models import Office
from pojok import roles
from tests.factories import make_user

from .counts import UNITS


def _people(office) -> dict:
    with acting_for(office):
        code = office.code
        return {"office": office, "unit": UNITS[code],
                "petugas": make_user(f"petugas-{code}", roles.PETUGAS),
                "kasubbag": make_user(f"kasubbag-{code}", roles.KASUBBAG),
                "staf": make_user(f"staf-{code}", roles.STAF, bidang_code=UNITS[code])}


@pytest.fixture
def offices(other_office):
    return [_people(Office.objects.get(code="bpkad")), _people(other_office)]
