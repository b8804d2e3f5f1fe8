from django.apps import AppConfig


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"
    verbose_name = "Log audit akun"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the auth and axes signals)
