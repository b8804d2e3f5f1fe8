from django.apps import AppConfig


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"
    verbose_name = "Log audit"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the auth and axes signals)
        from .history import register_rules

        register_rules()
