"""Demo data: the Bidang, the SOP steps, one user per role and, optionally, historical visits."""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import CommandError

from offices import current
from offices.commands import OfficeCommand
from pojok import clock, roles
from routing.catalog import BIDANG, ensure_bidang, ensure_topics
from routing.models import Bidang, Topic
from routing.training import train_routing
from visits import demo_calendar
from visits.demo import DemoVisits, search_indexes_built_after
from visits.demo_routing import add_routing_history
from visits.demo_today import add_today
from visits.models import Instansi, SopStep, Visit
from visits.routing_history import decision_history
from visits.sop import ensure_instansi, ensure_sop_steps

DEMO_USERS = [
    # username, full name, roles, bidang code, jabatan
    ("petugas", "Budi Santoso", [roles.PETUGAS], None, ""),
    ("kasubbag", "Sri Rahayu", [roles.KASUBBAG], None, "kasubbag"),
    ("pimpinan", "Drs. Hendra Wijaya", [roles.PIMPINAN], None, ""),
    ("admin", "Admin Sistem", [roles.ADMIN], None, ""),
] + [(code, f"Staf {name}", [roles.STAF], code, "pelaksana") for code, name, _ in BIDANG]


class Command(OfficeCommand):
    help = "Memuat data demo (aman dijalankan berulang): Bidang, langkah SOP, pengguna demo, dan kunjungan."
    default_offices = ["bpkad"]  # the demo of BPKAD's own catalog

    def add_arguments(self, parser):
        parser.add_argument("--visits", type=int, default=0,
                            help="jumlah kunjungan historis yang dipastikan ada (hari kerja, jam kantor)")
        parser.add_argument("--days", type=int, default=90, help="rentang hari ke belakang untuk kunjungan historis")
        parser.add_argument("--end", type=date.fromisoformat, default=None,
                            help="kunjungan historis berakhir sehari sebelum tanggal ini"
                                 " (TTTT-BB-HH; bawaan: hari ini)")
        parser.add_argument("--today", type=int, default=0,
                            help="jumlah kunjungan hari ini, menurut jam sekarang: di berbagai tahap selama kantor"
                                 " buka, selesai semua setelah tutup, belum ada sebelum buka")
        parser.add_argument("--password", default="", help="sandi untuk semua pengguna demo (bawaan: dibuat acak)")
        parser.add_argument("--no-train", action="store_true",
                            help="jangan melatih model rute (benchmark: pelatihan malam hari punya ukurannya sendiri)")

    def handle(self, *args, visits: int, days: int, today: int, password: str, end=None, no_train=False,
               **options):
        if visits < 0 or today < 0 or days < 1:
            raise CommandError("--visits dan --today tidak boleh negatif, --days paling sedikit 1.")
        ensure_bidang(Bidang)
        ensure_topics(Topic, Bidang)
        ensure_sop_steps(SopStep)
        ensure_instansi(Instansi)
        roles.sync_roles()
        password = password or secrets.token_urlsafe(9)
        people = self._users(password)
        end = end or clock.today()
        existing, missing = self._count(visits, days, people, end=end)
        with search_indexes_built_after(missing):
            if visits:
                self._visits(existing, missing, days, people, end=end)
            if today:
                self._today(today, people)
            routed = add_routing_history(kasubbag=people["kasubbag"]) if visits or today else None
        if routed is not None:
            self._train(routed, train=not no_train)
        self.stdout.write(self.style.SUCCESS("Data demo siap. Pengguna demo (sandi sama untuk semua):"))
        for username, full_name, role_names, _, _ in DEMO_USERS:
            self.stdout.write(f"  {username:<16} {', '.join(role_names):<16} {full_name}")
        self.stdout.write(f"  sandi: {password}")

    def _users(self, password: str) -> dict:
        User = get_user_model()
        bidang = {b.code: b for b in Bidang.objects.all()}
        people = {}
        hashed = make_password(password)  # one hash for the one shared password: a hash takes most of a second
        for username, full_name, role_names, code, jabatan in DEMO_USERS:
            first, _, last = full_name.rpartition(" ")
            user, _ = User.objects.update_or_create(
                username=username,
                defaults={"first_name": first or full_name, "last_name": last if first else "",
                          "bidang": bidang.get(code), "jabatan": jabatan, "office": current.get(),
                          "is_staff": roles.ADMIN in role_names},
            )
            user.password = hashed
            user.save(update_fields=["password"])
            user.groups.set(Group.objects.filter(name__in=role_names))
            people[username] = user
        return people

    def _today(self, today: int, people: dict) -> None:
        bidang = {b.code: b for b in Bidang.objects.all()}
        self.stdout.write(f"Kunjungan hari ini ditambahkan: {add_today(today, people=people, bidang=bidang)}.")
        if not demo_calendar.is_open(clock.now()):
            self.stdout.write(f"Kantor sedang tutup (Senin–Jumat {settings.OFFICE_OPENS}–{settings.OFFICE_CLOSES}):"
                              " tidak ada tamu yang sedang dilayani; hari kerja terakhir sudah selesai.")

    def _train(self, made: int, *, train: bool) -> None:
        """Routed demo visits got realistic needs, topics and decisions; the learned routing is trained on them."""
        if not train:
            self.stdout.write(f"Keputusan rute demo ditambahkan: {made}; model rute tidak dilatih.")
            return
        model = train_routing(decision_history(), at=clock.now())
        trained = f"model rute versi {model.version} dilatih" if model else "model rute sudah terbaru"
        self.stdout.write(f"Keputusan rute demo ditambahkan: {made}; {trained}.")

    def _count(self, wanted: int, days: int, people: dict, *, end) -> tuple[int, int]:
        """(demo visits already there, visits to add): "make sure there are N" counts the demo visits of
        the same window of days."""
        window = (end - timedelta(days=days), end - timedelta(days=1))
        demo_staff = [people["petugas"], people["kasubbag"]]  # the desk's visits, the Kasubbag's remote requests
        existing = Visit.objects.filter(created_by__in=demo_staff, day__range=window).count()
        return existing, max(wanted - existing, 0)

    def _visits(self, existing: int, missing: int, days: int, people: dict, *, end) -> None:
        bidang = {b.code: b for b in Bidang.objects.all()}
        made = DemoVisits(people=people, bidang=bidang).add(missing, days, today=end) if missing else 0
        self.stdout.write(f"Kunjungan demo: {existing} sudah ada, {made} ditambahkan.")
