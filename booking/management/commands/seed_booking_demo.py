"""Demo pre-registrations for today (on a weekday) and the next office day, so the desk's list and code box have data.

Idempotent: a day that already has bookings gets none added. Prints today's codes to try at the desk
or the kiosk.
"""

from datetime import timedelta

from booking import bookings
from booking.models import Booking, PartOfDay
from offices.commands import OfficeCommand
from pojok import clock

GUESTS = [
    ("Rudi Hartono", "Dinas Pendidikan", "081234500001", "Konsultasi pergeseran anggaran DPA", PartOfDay.MORNING),
    ("Maya Sari", "Dinas Kesehatan", "081234500002", "Pengajuan SPP-LS belanja modal", PartOfDay.MORNING),
    ("Yusuf Effendi", "Kecamatan Kalianda", "081234500003", "Rekonsiliasi aset tetap dan KIB", PartOfDay.AFTERNOON),
    ("Lina Marlina", "Dinas Sosial", "081234500004", "Penyusunan laporan keuangan semester", PartOfDay.AFTERNOON),
]


def next_office_day(day):
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class Command(OfficeCommand):
    help = "Tambahkan pendaftaran kunjungan demo untuk hari ini dan hari kerja berikutnya."
    default_offices = ["bpkad"]  # the demo of BPKAD's own catalog

    def handle(self, *args, **options):
        today = clock.today()
        # On a Saturday or Sunday nobody is expected today: the bookings are for the next office day.
        plan = [(today, GUESTS), (next_office_day(today), GUESTS[:2])] if today.weekday() < 5 else [
            (next_office_day(today), GUESTS)]
        for day, guests in plan:
            if Booking.objects.filter(planned_date=day).exists():
                continue
            for name, origin, phone, need, part in guests:
                # Straight to the model function: the public form's limits and robot checks are for people.
                bookings.register(guest_name=name, origin=origin, phone="+62" + phone[1:], email="",
                                  keperluan=need, planned_date=day, part_of_day=part)
        codes = ", ".join(b.display_code for b in Booking.objects.filter(planned_date=today, visit__isnull=True))
        self.stdout.write(self.style.SUCCESS(f"Pendaftaran demo siap. Kode hari ini: {codes or '-'}"))
