"""Top-level URL configuration."""
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wizard.views import admin_shortcut, set_language
from wizard.views.health import health

urlpatterns = [
    # Found before the admin's own "view on site" shortcut at the same path: see admin_shortcut.
    path("beheer/r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(admin_shortcut)),
    path("beheer/", admin.site.urls),
    path("taal/", set_language, name="set_language"),
    path("gezond/", health, name="health"),
    # Dutch at /, the other languages under /en/, /ar/, /tr/, /pl/ and /uk/.
    *i18n_patterns(path("", include("wizard.urls")), prefix_default_language=False),
]

handler400 = "wizard.views.bad_request"
handler403 = "wizard.views.permission_denied"
handler404 = "wizard.views.page_not_found"
handler500 = "wizard.views.server_error"
