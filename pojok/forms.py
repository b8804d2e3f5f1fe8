from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        # Django's own Indonesian sentence repeats "nama pengguna"; say it plainly.
        "invalid_login": "Nama pengguna atau sandi salah. Perhatikan huruf besar/kecil.",
        "inactive": "Akun ini tidak aktif. Hubungi admin.",
    }
