from django.apps import AppConfig


class PresenceConfig(AppConfig):
    name = "presence"
    verbose_name = "Kehadiran pegawai"

    def ready(self):
        from pojok.navigation import register

        from .areas import AREAS

        register(*AREAS)
