from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresenceConfig(AppConfig):
    name = "presence"
    verbose_name = _("Kehadiran pegawai")

    def ready(self):
        from pojok.navigation import register

        from .areas import AREAS

        register(*AREAS)
