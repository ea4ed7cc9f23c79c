"""The site's URLs plus a few that fail on purpose, to reach each error handler the real way."""
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from pestgesprek.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def refuse(request):
    raise PermissionDenied


def bad_request(request):
    raise SuspiciousOperation("Deliberately bad request")


def crash(request):
    raise RuntimeError("Deliberate crash")


urlpatterns = [
    *urlpatterns,
    path("test/403/", refuse),
    path("test/400/", bad_request),
    path("test/500/", crash),
]
