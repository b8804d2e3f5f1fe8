from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .logins import SlowDownMixin


class LoginForm(SlowDownMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        # Django's own Indonesian sentence repeats "nama pengguna"; say it plainly.
        "invalid_login": _("Nama pengguna atau sandi salah. Perhatikan huruf besar/kecil."),
        "inactive": _("Akun ini tidak aktif. Hubungi admin."),
    }


class AdminLoginForm(SlowDownMixin, AdminAuthenticationForm):
    """The admin's login page, slowed down the same way as the app's."""
