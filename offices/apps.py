from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "offices"
    verbose_name = _("Kantor (OPD)")

    def ready(self) -> None:
        from pojok.models import PEOPLE_SCOPE

        from .tenancy import OfficeOfPeople

        PEOPLE_SCOPE[:] = [OfficeOfPeople]  # lists of people: the office acted for
