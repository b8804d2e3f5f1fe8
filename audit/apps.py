from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"
    verbose_name = _("Log audit")

    def ready(self) -> None:
        from pojok.navigation import Area, register

        from . import receivers  # noqa: F401  (connects the auth and axes signals)
        from .history import register_rules

        register_rules()

        from django.contrib import admin
        from django.contrib.auth.signals import user_logged_in

        from . import logins
        from .forms import AdminLoginForm

        user_logged_in.connect(logins.remember_login, dispatch_uid="pojok_known_browser")
        admin.site.login_form = AdminLoginForm  # the admin's login is slowed down like the app's
        register(Area("Riwayat Aturan", "audit:rule_changes", lambda user: user.has_perm("auditlog.view_logentry"),
                      order=80))
