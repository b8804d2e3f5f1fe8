from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PojokConfig(AppConfig):
    name = "pojok"
    verbose_name = "Pengguna dan peran"

    def ready(self) -> None:
        from . import roles

        post_migrate.connect(roles.sync_after_migrate, sender=self)
