"""Top-level URL configuration."""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("", include("wizard.urls")),
]

handler400 = "wizard.views.bad_request"
handler403 = "wizard.views.permission_denied"
handler404 = "wizard.views.page_not_found"
handler500 = "wizard.views.server_error"
