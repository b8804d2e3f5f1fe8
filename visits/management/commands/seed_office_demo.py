"""A second office beside BPKAD for the demo (`make run`): Bappeda, started from the generic template
(Sekretariat and its subbagian), with its own people and a month of guests. Safe to run again."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from offices.current import acting_for, no_office
from offices.models import Office, Template
from pojok import clock, roles
from routing.models import Bidang
from visits.demo import DemoVisits
from visits.demo_today import add_today
from visits.models import Visit

OFFICE = {"code": "bappeda", "short_name": "Bappeda", "template": Template.GENERIC,
          "name": "Badan Perencanaan Pembangunan Daerah Kabupaten Lampung Selatan",
          "address": "Jl. Indra Bangsawan No. 2, Kalianda, Lampung Selatan", "whatsapp": "6281234500999"}
# The demo's needs are written for BPKAD's Bidang; Bappeda's units take them over.
UNIT_FOR = {"anggaran": "keuangan", "perbendaharaan": "keuangan", "akuntansi": "perencanaan", "aset": "umum",
            "sekretariat": "sekretariat"}
UNITS = ("sekretariat", "umum", "keuangan", "perencanaan")  # the generic template's (routing.catalog)
PEOPLE = [
    # username, full name, role, unit
    ("bappeda-petugas", "Tono Saputra", roles.PETUGAS, None),
    ("bappeda-kasubbag", "Wati Kusuma", roles.KASUBBAG, None),
    ("bappeda-pimpinan", "Ir. Bima Santosa", roles.PIMPINAN, None),
    ("bappeda-admin", "Admin Bappeda", roles.ADMIN, None),
] + [(f"bappeda-{code}", f"Staf {code.title()} Bappeda", roles.STAF, code)
     for code in UNITS]
# Above the offices, of none: the Inspektorat reads every office's figures (kabupaten/).
KABUPATEN = ("inspektorat", "Irma Inspektorat", roles.KABUPATEN, None)


class Command(BaseCommand):
    help = "Memuat kantor demo kedua (Bappeda) di samping BPKAD: pengguna, dan kunjungan sebulan terakhir."

    def add_arguments(self, parser):
        parser.add_argument("--visits", type=int, default=120, help="jumlah kunjungan historis")
        parser.add_argument("--days", type=int, default=30, help="rentang hari ke belakang")
        parser.add_argument("--today", type=int, default=6, help="jumlah kunjungan hari ini")
        parser.add_argument("--password", required=True, help="sandi untuk semua pengguna demo Bappeda")

    def handle(self, *args, visits: int, days: int, today: int, password: str, **options):
        if visits < 0 or today < 0 or days < 1:
            raise CommandError("--visits dan --today tidak boleh negatif, --days paling sedikit 1.")
        office, _ = Office.objects.get_or_create(code=OFFICE["code"], defaults=OFFICE)
        with acting_for(office):
            people = self._people(office, password)
            units = {unit.code: unit for unit in Bidang.objects.all()}
            demo_people, demo_units = demo_roles(people, units, prefix="bappeda-")
            if not Visit.objects.filter(day__lt=clock.today()).exists() and visits:
                DemoVisits(people=demo_people, bidang=demo_units, seed=17).add(visits, days, today=clock.today())
            made_today = add_today(today, people=demo_people, bidang=demo_units) if today else 0
            count = Visit.objects.count()
        self.stdout.write(self.style.SUCCESS(
            f"Kantor demo {office.short_name}: {count} kunjungan ({made_today} ditambahkan hari ini)."))
        with no_office():  # an account of no office is found only when no office is acted for
            save_person(None, KABUPATEN, make_password(password), {})
        for username, full_name, role, _ in [*PEOPLE, KABUPATEN]:
            self.stdout.write(f"  {username:<22} {role:<16} {full_name}")

    def _people(self, office, password: str) -> dict:
        hashed = make_password(password)
        units = {unit.code: unit for unit in Bidang.objects.all()}
        return {person[0]: save_person(office, person, hashed, units) for person in PEOPLE}


def demo_roles(people: dict, units: dict, *, prefix: str) -> tuple[dict, dict]:
    """The people and units of a generic-template office in the roles DemoVisits writes BPKAD's needs
    for: its `<prefix>petugas`, `<prefix>kasubbag` and `<prefix><unit>` accounts, its units by UNIT_FOR."""
    demo_people = {"petugas": people[f"{prefix}petugas"], "kasubbag": people[f"{prefix}kasubbag"],
                   **{code: people[f"{prefix}{unit}"] for code, unit in UNIT_FOR.items()}}
    return demo_people, {code: units[unit] for code, unit in UNIT_FOR.items()}


def save_person(office, person: tuple, hashed: str, units: dict):
    """An account (username, full name, role, unit code) of `office`, made or brought up to date."""
    username, full_name, role, unit = person
    first, _, last = full_name.rpartition(" ")
    user, _ = get_user_model().objects.update_or_create(username=username, defaults={
        "first_name": first, "last_name": last, "office": office, "bidang": units.get(unit),
        "jabatan": "pelaksana" if unit else "", "is_staff": role == roles.ADMIN, "password": hashed,
        "is_active": True})
    user.groups.set(Group.objects.filter(name=role))
    return user
