"""The account audit log: who logged in, out, or failed to, from where and when.

Rows are written by the receivers of Django's auth signals (audit/receivers.py) and never changed;
the admin reads them. No password, not even a wrong one, is ever stored.
"""

from django.conf import settings
from django.db import models

from pojok import clock


class LoginEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", "Masuk"
        LOGIN_FAILED = "login_failed", "Gagal masuk"
        LOCKED_OUT = "locked_out", "Dikunci (terlalu sering gagal)"
        LOGOUT = "logout", "Keluar"
        IDLE_LOGOUT = "idle_logout", "Sesi berakhir (tidak aktif)"
        UNLOCKED = "unlocked", "Kunci dibuka oleh admin"

    at = models.DateTimeField("waktu", default=clock.now, db_index=True)
    kind = models.CharField("kejadian", max_length=20, choices=Kind.choices, db_index=True)
    username = models.CharField("nama pengguna", max_length=150, blank=True,
                                help_text="Nama yang diketik saat masuk (juga bila tidak ada akunnya).")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="akun", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    ip_address = models.GenericIPAddressField("alamat IP", null=True, blank=True)
    user_agent = models.CharField("peramban", max_length=255, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="oleh admin", null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "kejadian masuk/keluar"
        verbose_name_plural = "log audit masuk/keluar"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.username or '-'} · {self.at:%Y-%m-%d %H:%M}"
