"""Management commands that work in offices: `--office kode` (repeatable) chooses them; without it a
command runs for the office acted for (a test, another command), or else once for every office, each
in its own time zone. Scheduled jobs (send_notifications, close_stale_visits, ...) thus serve every
office from one cron line."""

from django.core.management.base import BaseCommand, CommandError

from . import current
from .models import Office


class OfficeCommand(BaseCommand):
    default_offices: list[str] | None = None  # the offices when none is named nor acted for (None: every one)

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument("--office", action="append", dest="offices", metavar="KODE",
                            help="kode kantor (OPD), boleh berulang; bawaan: setiap kantor")
        return parser

    def execute(self, *args, **options):
        output = ""
        for office in offices_named(options.get("offices") or self._defaults()):
            with current.acting_for(office):
                output = super().execute(*args, **options) or ""
        return output

    def _defaults(self) -> list[str] | None:
        return None if current.get() is not None else self.default_offices


def offices_named(codes: list[str] | None) -> list[Office]:
    if not codes:
        acted_for = current.get()
        return [acted_for] if acted_for is not None else list(Office.objects.order_by("id"))
    found = {office.code: office for office in Office.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise CommandError(f"Kantor tidak dikenal: {', '.join(unknown)}. Kode yang ada: "
                           + ", ".join(Office.objects.order_by("code").values_list("code", flat=True)))
    return [found[code] for code in codes]
