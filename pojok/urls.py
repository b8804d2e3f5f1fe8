from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from audit.forms import LoginForm

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("akun/masuk/",
         auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True),
         name="login"),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("akun/sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("akun/sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("akun/masih-di-sini/", views.still_here, name="still_here"),
    path("bahasa/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("visits.urls")),
    path("", include("survey.urls")),
    path("", include("routing.urls")),
    path("", include("lobby.urls")),
    path("", include("booking.urls")),
    path("", include("privacy.urls")),
    path("", include("presence.urls")),
    path("", include("audit.urls")),
    path("", include("documents.urls")),
    path("", include("referrals.urls")),
    path("", include("kabupaten.urls")),
]

handler500 = "pojok.errors.server_error"  # also the 503 of an unreachable database, with the typed form
