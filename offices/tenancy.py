"""Rows that belong to one office, and the manager that only ever reads the current office's.

A tenant model either carries `office` itself (`OfficeOwned`) or follows a parent that does
(`scoped(through="visit")`: a visit's history, consultation). Its default manager adds
`office_id = <the office acted for>` to every query when the query is compiled, so a queryset built at
import time (a form's choices) still reads the office of the request that runs it; with no office acted
for it raises `NoOffice`. Cross-office code (the kabupaten's figures, referrals, migrations) names
`Model.all_offices`, so each such place shows up in a search.

The condition carries the SQL comment `/*office*/`: the suite's query watch (tests/offices) fails a
test whose statement reads a tenant table without it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import current

MARK = "/*office*/"
ALL_MARK = "/*all offices*/"


class CurrentOffice(models.Expression):
    """The office acted for, read when the SQL is made (not when the queryset is built)."""

    output_field = models.BigIntegerField()

    def as_sql(self, compiler, connection):
        return f"%s {MARK}", [current.office_id()]

    def get_group_by_cols(self):
        return []


class OfficeOfPeople(models.Expression):
    """The condition on a list of accounts (pojok.models.PeopleManager): the office acted for, or every
    account when none is (a login, the server's administrator), decided when the SQL is made."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self):
        super().__init__()
        self.office = models.F("office_id")

    def get_source_expressions(self):
        return [self.office]

    def set_source_expressions(self, expressions):
        (self.office,) = expressions

    def as_sql(self, compiler, connection):
        office = current.get()
        if office is None:
            return f"1 = 1 {ALL_MARK}", []
        sql, params = compiler.compile(self.office)
        return f"{sql} = %s {MARK}", [*params, office.pk]

    def get_group_by_cols(self):
        return []


class OfficeQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            if getattr(obj, "office_id", 0) is None:
                obj.office_id = current.office_id()
        return super().bulk_create(objs, *args, **kwargs)


class OfficeManager(models.Manager.from_queryset(OfficeQuerySet)):
    """The default manager of a tenant model: the current office's rows only."""

    lookup = "office_id"

    def get_queryset(self):
        return super().get_queryset().filter(**{self.lookup: CurrentOffice()})


def scoped(queryset_class=OfficeQuerySet, through: str = ""):
    """A scoped manager over `queryset_class`; `through` names the parent that carries the office
    (`scoped(through="visit")`: a visit's history, consultation).

    The lookup is a class attribute: Django builds related managers (`visit.steps`) from the default
    manager's class without arguments.
    """
    lookup = f"{through}__office_id" if through else "office_id"
    base = OfficeManager.from_queryset(queryset_class)
    return type(f"Office{queryset_class.__name__}Manager", (base,), {"lookup": lookup})()


class EveryOffice(models.Manager):
    """Every office's rows; the SQL says so (`/*all offices*/`), for the suite's query watch."""

    def get_queryset(self):
        return super().get_queryset().filter(
            models.expressions.RawSQL(f"1 = 1 {ALL_MARK}", [], output_field=models.BooleanField()))


class AllOffices:
    """`Model.all_offices`: every office's rows, for the code that means it (the kabupaten, migrations).

    A descriptor rather than a second manager, so that it can never become a model's default manager.
    """

    _made: dict = {}

    def __get__(self, instance, owner):
        if owner not in self._made:
            manager = EveryOffice.from_queryset(owner._default_manager._queryset_class)()
            manager.model, manager.name = owner, "all_offices"
            self._made[owner] = manager
        return self._made[owner]


class OfficeOwned(models.Model):
    """A row of one office; a new row takes the office acted for."""

    office = models.ForeignKey("offices.Office", verbose_name=_("kantor"), on_delete=models.PROTECT,
                               related_name="+", editable=False)

    objects = OfficeManager()
    all_offices = AllOffices()

    class Meta:
        abstract = True

    def _take_office(self) -> None:
        if self.office_id is None:
            self.office_id = current.office_id()

    def save(self, *args, **kwargs):
        self._take_office()
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        """What django-auditlog keeps beside a change to this row: its office, whose record it is."""
        return {"office": self.office_id}

    # The office is never on a form, but the constraints that name it (a code unique in its office)
    # are checked on the form all the same, so a duplicate gets a message instead of an IntegrityError.
    def validate_unique(self, exclude=None):
        self._take_office()
        super().validate_unique(exclude=set(exclude or ()) - {"office"})

    def validate_constraints(self, exclude=None):
        self._take_office()
        super().validate_constraints(exclude=set(exclude or ()) - {"office"})


class OfficeSettings(OfficeOwned):
    """Settings an office's administrator edits: one row per office, its defaults until first saved."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._take_office()
        if self.pk is None:  # one row per office: saving the defaults again updates that row
            self.pk = type(self).objects.values_list("pk", flat=True).first()
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The office's row in force, or the defaults when its administrator never saved one."""
        return cls.objects.first() or cls(office=current.get(), **cls.defaults_for(current.get()))

    @classmethod
    def defaults_for(cls, office) -> dict:
        """Defaults that name the office (a new office's letterhead is not BPKAD's); a model says which."""
        return {}
