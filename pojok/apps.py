from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PojokConfig(AppConfig):
    name = "pojok"
    verbose_name = _("Pengguna dan peran")

    def ready(self) -> None:
        from . import roles

        post_migrate.connect(roles.sync_after_migrate, sender=self)

        from django.contrib.auth.signals import user_logged_in

        from . import idle

        user_logged_in.connect(idle.start_clock, dispatch_uid="pojok_idle_clock")

        from . import security

        security.watch_roles()
