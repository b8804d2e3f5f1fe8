"""Every office's figures per day, kept for the kabupaten's page (tally.py keeps them exact).

The page compares 40 offices over six months: counted from the visits and their steps each time, it read
millions of rows (docs/performance.md, "Forty offices"). It reads these rows instead: one per office and
day (`DayCount`) and one per office, day and SOP step (`StepCount`), as the office's own report counts
them. `Change` is the list of the days whose rows are out of date: the database writes it itself, by
triggers on the visit and step tables (triggers.py), in the same transaction as the change, whatever
wrote it (a page, a night job, a bulk load, raw SQL). Figures only: no guest's data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned


class Change(OfficeOwned):
    """A day of an office whose visits or steps changed since its figures were counted."""

    # No constraint in the database: a note written as the last rows of an office go (a flush of every
    # table, in any order) names an office that is gone; counting its day finds nothing and writes nothing.
    office = models.ForeignKey("offices.Office", verbose_name=_("kantor"), on_delete=models.DO_NOTHING,
                               related_name="+", editable=False, db_constraint=False)
    day = models.DateField(_("tanggal"))

    class Meta:
        verbose_name = _("perubahan hari")
        verbose_name_plural = _("perubahan hari")


class DayCount(OfficeOwned):
    """An office's visits of one of its days (`Visit.day`), as its report counts them."""

    day = models.DateField(_("tanggal"))
    visits = models.PositiveIntegerField(_("kunjungan"))
    finished = models.PositiveIntegerField(_("selesai"))
    remote = models.PositiveIntegerField(_("jarak jauh"))

    class Meta:
        verbose_name = _("hitungan hari")
        verbose_name_plural = _("hitungan hari")
        constraints = [models.UniqueConstraint(fields=["office", "day"], name="daycount_one_per_office_day")]


class StepCount(OfficeOwned):
    """The steps recorded as done of one SOP step in an office's visits of one day: how many carried a
    standard, and how many of those ended within it."""

    day = models.DateField(_("tanggal"))
    number = models.PositiveSmallIntegerField(_("langkah"))
    with_standard = models.PositiveIntegerField(_("dengan standar"))
    within = models.PositiveIntegerField(_("dalam standar"))

    class Meta:
        verbose_name = _("hitungan langkah")
        verbose_name_plural = _("hitungan langkah")
        constraints = [models.UniqueConstraint(fields=["office", "day", "number"],
                                               name="stepcount_one_per_office_day_step")]
