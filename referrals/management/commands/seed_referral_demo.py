"""Two referrals for the demo (`make run`), after seed_demo and seed_office_demo: a walk-in at BPKAD sent on
to Bappeda this morning (not yet received there), and a WhatsApp request at Bappeda sent to BPKAD, which
received it. Safe to run again: nothing is added once there are referrals."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from offices.current import acting_for, no_office
from offices.models import Office
from pojok import clock
from visits.models import Channel, Visit

from ...models import Referral
from ...sending import Request, receive, send


class Command(BaseCommand):
    help = "Memuat dua rujukan antar-OPD demo (BPKAD ↔ Bappeda); jalankan setelah seed_demo dan seed_office_demo."

    def handle(self, *args, **options):
        if Referral.all_offices.exists():
            self.stdout.write("Rujukan demo sudah ada.")
            return
        try:
            bpkad, bappeda = Office.objects.get(code="bpkad"), Office.objects.get(code="bappeda")
        except Office.DoesNotExist as missing:
            raise CommandError("Jalankan seed_demo dan seed_office_demo dahulu.") from missing
        with no_office():  # the accounts of both offices
            people = {user.username: user for user in get_user_model().objects.filter(
                username__in=["petugas", "kasubbag", "bappeda-kasubbag"])}
        now = clock.now()
        with acting_for(bpkad):
            walk_in = Visit.check_in(by=people["petugas"], guest_name="Agus Wibowo", origin="Dinas Pertanian",
                                     keperluan="Penyelarasan program kegiatan dengan RKPD 2027",
                                     phone="0812-7788-1200", at=now - timedelta(minutes=25))
            for move, minutes in (("greet", 23), ("report", 20)):
                walk_in.advance(move, by=people["petugas"], at=now - timedelta(minutes=minutes))
            send(visit=walk_in, by=people["kasubbag"], at=now - timedelta(minutes=12), request=Request(
                to_office=bappeda, reason="Penyelarasan program dengan RKPD adalah kewenangan Bappeda.",
                need=walk_in.keperluan, planned_date=clock.today(), part_of_day="siang", consent=True))
        with acting_for(bappeda):
            remote = Visit.record_remote(by=people["bappeda-kasubbag"], channel=Channel.WHATSAPP,
                                         guest_name="Lina Marlina", origin="Kecamatan Natar",
                                         keperluan="Pencairan SP2D dana kelurahan", phone="0813-6600-4411",
                                         at=now - timedelta(minutes=50))
            sent = send(visit=remote, by=people["bappeda-kasubbag"], at=now - timedelta(minutes=45), request=Request(
                to_office=bpkad, reason="SP2D diterbitkan Bidang Perbendaharaan BPKAD.", need=remote.keperluan,
                planned_date=None, part_of_day="", consent=True))
        with acting_for(bpkad):
            receive(referral=sent, by=people["petugas"], at=now - timedelta(minutes=30))
        self.stdout.write(self.style.SUCCESS(
            "Rujukan demo: BPKAD → Bappeda (belum diterima), Bappeda → BPKAD (permintaan WhatsApp, diterima)."))
