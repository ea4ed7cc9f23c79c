"""Template context every page needs: how long answers are kept, and the page in every language."""
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils import translation


def retention(request):
    return {"retention_days": settings.DRAFT_RETENTION_DAYS}


def languages(request):
    """The language choice and hreflang links: this page's address in each language."""
    origin = _origin(request)
    alternates = [(code, name, origin + translate_url(request.path, code)) for code, name in settings.LANGUAGES]
    return {
        "language_choices": alternates,
        "language_bidi": translation.get_language_bidi(),
        "default_language_url": alternates[0][2],
    }


def _origin(request):
    """The site's address for absolute links; none on a request whose host name we refused."""
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""
