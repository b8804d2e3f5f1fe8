from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Arsip laporan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pojok.navigation import Area, register
        from visits import policy

        register(Area("Arsip laporan", "documents:packs", policy.can_read_reports, order=55))
