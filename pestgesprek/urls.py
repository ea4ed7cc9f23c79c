"""Top-level URL configuration."""
from django.contrib import admin
from django.urls import include, path

from wizard.views import admin_shortcut

urlpatterns = [
    # Found before the admin's own "view on site" shortcut at the same path: see admin_shortcut.
    path("beheer/r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(admin_shortcut)),
    path("beheer/", admin.site.urls),
    path("", include("wizard.urls")),
]

handler400 = "wizard.views.bad_request"
handler403 = "wizard.views.permission_denied"
handler404 = "wizard.views.page_not_found"
handler500 = "wizard.views.server_error"
