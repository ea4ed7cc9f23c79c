"""Response headers that Django and django-csp do not set themselves."""
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
