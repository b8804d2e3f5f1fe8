from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Arsip laporan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pojok.navigation import Area, register
        from visits import policy

        register(Area("Arsip laporan", "documents:packs", policy.can_read_reports, order=55))
