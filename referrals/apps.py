from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class ReferralsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "referrals"
    verbose_name = _("Rujukan antar-OPD")

    def ready(self) -> None:
        from pojok.navigation import Area, register

        from .policy import can_read

        register(Area(gettext_noop("Rujukan"), "referrals:list", can_read, order=45))
