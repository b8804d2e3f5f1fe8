"""The load test's people and devices: one account per simulated user, and the paired lobby displays.

Run by loadtest/run with the app's own Python, after migrate and seed_demo, against the load database:

    .venv/bin/python loadtest/prepare.py OUT.json

Each simulated user logs in once with its own account (so no account is shared between sessions,
and nothing resembles a password-guessing run to the login throttling). Every account gets the same
password hash, computed once: hashing it for each of sixty accounts would only slow the set-up.
The lobby displays are devices as the admin makes them, each with a one-time pairing code that the
simulated TV uses, as a real one does, by opening /perangkat/pasang/<code>/.
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
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402

from lobby.models import Device  # noqa: E402
from offices.current import acting_for  # noqa: E402
from offices.models import Office  # noqa: E402
from pojok import roles  # noqa: E402
from routing.models import Bidang  # noqa: E402


def _count(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def _account(username: str, full_name: str, role: str, password_hash: str, *, bidang=None) -> dict:
    first, _, last = full_name.rpartition(" ")
    office = Office.objects.get(code="bpkad")
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "bidang": bidang, "password": password_hash,
                  "jabatan": "pelaksana" if bidang else "", "is_active": True, "office": office},
    )
    user.groups.set(Group.objects.filter(name=role))
    return {"username": username, "pk": user.pk, "display_name": user.display_name,
            "bidang": bidang.code if bidang else None}


@transaction.atomic
def prepare(password: str) -> dict:
    password_hash = make_password(password)
    petugas = [_account(f"load-petugas-{n:02d}", f"Petugas Uji {n:02d}", roles.PETUGAS, password_hash)
               for n in range(1, _count("LOAD_PETUGAS", 20) + 1)]
    kasubbag = [_account(f"load-kasubbag-{n:02d}", f"Kasubbag Uji {n:02d}", roles.KASUBBAG, password_hash)
                for n in range(1, _count("LOAD_KASUBBAG", 8) + 1)]
    staf = [
        _account(f"load-{b.code}-{n:02d}", f"Staf {b.code.title()} {n:02d}", roles.STAF, password_hash,
                 bidang=b)
        for b in Bidang.objects.filter(active=True).order_by("order", "pk")
        for n in range(1, _count("LOAD_STAF_PER_BIDANG", 5) + 1)
    ]
    pimpinan = [_account(f"load-pimpinan-{n:02d}", f"Pimpinan Uji {n:02d}", roles.PIMPINAN, password_hash)
                for n in range(1, _count("LOAD_PIMPINAN", 2) + 1)]
    admin = get_user_model().objects.get(username="admin")  # seed_demo's; answerable for the devices
    displays = []
    for n in range(1, _count("LOAD_DISPLAYS", 2) + 1):
        device, _ = Device.objects.get_or_create(name=f"TV uji beban {n}", kind=Device.Kind.DISPLAY)
        displays.append(device.new_pairing_token(by=admin))
    return {"password": password, "petugas": petugas, "kasubbag": kasubbag, "staf": staf,
            "pimpinan": pimpinan, "display_tokens": displays}


if __name__ == "__main__":
    with acting_for(Office.objects.get(code="bpkad")):  # the load test's one office
        accounts = prepare(os.environ["LOAD_PASSWORD"])
    Path(sys.argv[1]).write_text(json.dumps(accounts, indent=1))
    print(f"akun uji beban: {len(accounts['petugas'])} petugas, {len(accounts['kasubbag'])} kasubbag, "
          f"{len(accounts['staf'])} staf Bidang, {len(accounts['pimpinan'])} pimpinan, "
          f"{len(accounts['display_tokens'])} layar antrean")
