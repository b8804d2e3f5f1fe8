from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .triggers import ensure


def _ensure_triggers(using, **kwargs) -> None:
    ensure(connections[using])


class KabupatenConfig(AppConfig):
    name = "kabupaten"
    verbose_name = _("Kabupaten")

    def ready(self) -> None:
        from pojok.navigation import Area, register

        from .views import can_read

        register(Area("Kabupaten", "kabupaten:overview", can_read, order=5))
        # a migration that rebuilds the visit or step table (SQLite) drops its triggers: make them again
        post_migrate.connect(_ensure_triggers, sender=self)
