"""Response headers that Django and django-csp do not set themselves, and limits on requests."""
import logging

from django.conf import settings


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
