from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KabupatenConfig(AppConfig):
    name = "kabupaten"
    verbose_name = _("Kabupaten")

    def ready(self) -> None:
        from pojok.navigation import Area, register

        from .views import can_read

        register(Area("Kabupaten", "kabupaten:overview", can_read, order=5))
