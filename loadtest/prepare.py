"""The load test's people and devices: one account per simulated user, the paired lobby displays, and
the other offices (LOAD_OFFICES of them) with their own people, devices and history.

Run by loadtest/run with the app's own Python, after migrate and seed_demo, against the load database:

    .venv/bin/python loadtest/prepare.py OUT.json

Each simulated user logs in once with its own account (so no account is shared between sessions,
and nothing resembles a password-guessing run to the login throttling). Every account gets the same
password hash, computed once: hashing it for each of four hundred accounts would only slow the set-up.
The lobby displays are devices as the admin makes them, each with a one-time pairing code that the
simulated TV uses, as a real one does, by opening /perangkat/pasang/<code>/.

BPKAD (seed_demo's office) gets the crowd that plays it at 100 times its real peak. Each other office,
opd-01 .. opd-NN, is started from the generic template (its Sekretariat and subbagian, its own topics)
as an administrator starts one, with the people of a real guest desk: one petugas, one Kasubbag, one
staff member per unit, one manager, one lobby display (and an administrator, answerable for the
display), and LOAD_OFFICE_HISTORY visits (60) of the weeks before so that its report is not empty.
OUT.json holds BPKAD's accounts at the top, as before, and {"offices": [{"code": ..., "petugas": [...],
...}]}: the locustfile drives each office with its own.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pojok.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from lobby.models import Device  # noqa: E402
from offices.current import acting_for  # noqa: E402
from offices.models import Office, Template  # noqa: E402
from pojok import clock, roles  # noqa: E402
from routing.models import Bidang  # noqa: E402
from visits.demo import DemoVisits  # noqa: E402
from visits.management.commands.seed_office_demo import UNIT_FOR, save_person  # noqa: E402  (UNIT_FOR: BPKAD's needs, its units)

HISTORY_DAYS = 60


def _count(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def _account(office: Office, username: str, full_name: str, role: str, password_hash: str, *,
             bidang=None) -> dict:
    unit = bidang.code if bidang else None
    user = save_person(office, (username, full_name, role, unit), password_hash, {unit: bidang} if bidang else {})
    return {"username": username, "pk": user.pk, "display_name": user.display_name, "bidang": unit,
            "office": office.code}


def _displays(office: Office, count: int, *, by) -> list[str]:
    tokens = []
    for n in range(1, count + 1):
        device, _ = Device.objects.get_or_create(name=f"TV uji beban {n}", kind=Device.Kind.DISPLAY)
        tokens.append(device.new_pairing_token(by=by))
    return tokens


def prepare_bpkad(office: Office, password_hash: str) -> dict:
    """The crowd that plays BPKAD at 100 times its peak (the counts: loadtest/common.sh)."""
    def account(*args, **kwargs):
        return _account(office, *args, password_hash, **kwargs)

    petugas = [account(f"load-petugas-{n:02d}", f"Petugas Uji {n:02d}", roles.PETUGAS)
               for n in range(1, _count("LOAD_PETUGAS", 20) + 1)]
    kasubbag = [account(f"load-kasubbag-{n:02d}", f"Kasubbag Uji {n:02d}", roles.KASUBBAG)
                for n in range(1, _count("LOAD_KASUBBAG", 8) + 1)]
    staf = [account(f"load-{b.code}-{n:02d}", f"Staf {b.code.title()} {n:02d}", roles.STAF, bidang=b)
            for b in Bidang.objects.filter(active=True).order_by("order", "pk")
            for n in range(1, _count("LOAD_STAF_PER_BIDANG", 5) + 1)]
    pimpinan = [account(f"load-pimpinan-{n:02d}", f"Pimpinan Uji {n:02d}", roles.PIMPINAN)
                for n in range(1, _count("LOAD_PIMPINAN", 2) + 1)]
    admin = get_user_model().objects.get(username="admin")  # seed_demo's; answerable for the devices
    return {"code": office.code, "petugas": petugas, "kasubbag": kasubbag, "staf": staf, "pimpinan": pimpinan,
            "display_tokens": _displays(office, _count("LOAD_DISPLAYS", 2), by=admin)}


def prepare_office(n: int, password_hash: str, *, history: int) -> dict:
    """Office opd-NN from the generic template: a real guest desk's people, one display, its history."""
    code = f"opd-{n:02d}"
    office, _ = Office.objects.get_or_create(code=code, defaults={
        "short_name": f"OPD {n:02d}", "name": f"OPD Uji Beban {n:02d} Kabupaten Lampung Selatan",
        "template": Template.GENERIC})
    with acting_for(office):
        def account(suffix: str, full_name: str, role: str, **kwargs) -> dict:
            return _account(office, f"load-{code}-{suffix}", full_name, role, password_hash, **kwargs)

        units = {unit.code: unit for unit in Bidang.objects.filter(active=True).order_by("order", "pk")}
        people = {"petugas": account("petugas", f"Petugas OPD{n:02d}", roles.PETUGAS),
                  "kasubbag": account("kasubbag", f"Kasubbag OPD{n:02d}", roles.KASUBBAG),
                  "pimpinan": account("pimpinan", f"Pimpinan OPD{n:02d}", roles.PIMPINAN)}
        staf = [account(unit.code, f"Staf {unit.code.title()} OPD{n:02d}", roles.STAF, bidang=unit)
                for unit in units.values()]
        admin = account("admin", f"Admin OPD{n:02d}", roles.ADMIN)
        users = {u.username: u for u in get_user_model().objects.filter(username__startswith=f"load-{code}-")}
        staff_of = {s["bidang"]: users[s["username"]] for s in staf}
        if history:
            DemoVisits(people={"petugas": users[people["petugas"]["username"]],
                               "kasubbag": users[people["kasubbag"]["username"]],
                               **{bpkad: staff_of[unit] for bpkad, unit in UNIT_FOR.items()}},
                       bidang={bpkad: units[unit] for bpkad, unit in UNIT_FOR.items()},
                       seed=n).add(history, HISTORY_DAYS, today=clock.today())
        return {"code": code, "petugas": [people["petugas"]], "kasubbag": [people["kasubbag"]], "staf": staf,
                "pimpinan": [people["pimpinan"]],
                "display_tokens": _displays(office, 1, by=users[admin["username"]])}


@transaction.atomic
def prepare(password: str, *, offices: int = 0, history: int = 60) -> dict:
    password_hash = make_password(password)
    bpkad = Office.objects.get(code="bpkad")
    with acting_for(bpkad):  # seed_demo's office
        accounts = {"password": password, **prepare_bpkad(bpkad, password_hash)}
    accounts["offices"] = [prepare_office(n, password_hash, history=history) for n in range(1, offices + 1)]
    return accounts


if __name__ == "__main__":
    accounts = prepare(os.environ["LOAD_PASSWORD"], offices=_count("LOAD_OFFICES", 0),
                       history=_count("LOAD_OFFICE_HISTORY", 60))
    Path(sys.argv[1]).write_text(json.dumps(accounts, indent=1))
    print(f"akun uji beban BPKAD: {len(accounts['petugas'])} petugas, {len(accounts['kasubbag'])} kasubbag, "
          f"{len(accounts['staf'])} staf Bidang, {len(accounts['pimpinan'])} pimpinan, "
          f"{len(accounts['display_tokens'])} layar antrean")
    if accounts["offices"]:
        people = sum(len(o[role]) for o in accounts["offices"] for role in ("petugas", "kasubbag", "staf", "pimpinan"))
        print(f"kantor lain: {len(accounts['offices'])} (opd-01 .. {accounts['offices'][-1]['code']}, templat umum), "
              f"{people} akun, {len(accounts['offices'])} layar antrean, "
              f"{_count('LOAD_OFFICE_HISTORY', 60)} kunjungan riwayat masing-masing")
