"""Response headers that Django and django-csp do not set themselves, and limits on requests."""
import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers


class PermissionsPolicyMiddleware:
    """Adds a Permissions-Policy header that switches off the browser features we never use."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


class RequestSizeLimitMiddleware:
    """Refuses a request whose body is larger than settings.MAX_REQUEST_BYTES, before reading it.

    No page takes more than a form's worth of text. Django would read up to
    DATA_UPLOAD_MAX_MEMORY_SIZE and then fail with a traceback in the log; this answers
    with the Dutch 413 page, which django.request logs as one line.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            from wizard.views.errors import request_too_large

            return request_too_large(request)
        return self.get_response(request)


class OneLineSecurityLogs(logging.Filter):
    """Django logs a refused request (too large, a bad host) with its whole traceback. One line says it all."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True


class PreferredLanguageMiddleware:
    """Sends a visitor to the language they chose, or, on a first visit, the one their browser asks for.

    A page without a language prefix is Dutch (LocaleMiddleware with
    prefix_default_language=False). A GET for such a page from a browser whose language
    cookie (a choice made earlier), or, without that cookie, its Accept-Language, names one
    of our other languages, is sent to the same page in that language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not translation.get_language_from_path(request.path_info):
            wanted = translation.get_language_from_request(request)
            if wanted != settings.LANGUAGE_CODE:
                here = request.get_full_path()
                there = translate_url(here, wanted)
                if there != here:
                    response = HttpResponseRedirect(there)
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        return response
