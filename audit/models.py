"""The account audit log: who logged in, out, or failed to, from where and when.

Rows are written by the receivers of Django's auth signals (audit/receivers.py) and never changed;
the admin reads them. No password, not even a wrong one, is ever stored.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pojok import clock


class LoginEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Masuk")
        LOGIN_FAILED = "login_failed", _("Gagal masuk")
        LOCKED_OUT = "locked_out", _("Dikunci (terlalu sering gagal)")
        LOGOUT = "logout", _("Keluar")
        IDLE_LOGOUT = "idle_logout", _("Sesi berakhir (tidak aktif)")
        UNLOCKED = "unlocked", _("Kunci dibuka oleh admin")

    at = models.DateTimeField(_("waktu"), default=clock.now, db_index=True)
    kind = models.CharField(_("kejadian"), max_length=20, choices=Kind.choices, db_index=True)
    username = models.CharField(_("nama pengguna"), max_length=150, blank=True,
                                help_text=_("Nama yang diketik saat masuk (juga bila tidak ada akunnya)."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("akun"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    ip_address = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    user_agent = models.CharField(_("peramban"), max_length=255, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("oleh admin"), null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("kejadian masuk/keluar")
        verbose_name_plural = _("log audit masuk/keluar")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.username or '-'} · {self.at:%Y-%m-%d %H:%M}"
