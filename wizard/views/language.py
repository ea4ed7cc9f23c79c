"""The language choice: a POST that remembers the language and goes back to the same page in it."""
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language


@require_POST
def set_language(request):
    """Django's set_language, run in the language of the page the parent came from.

    set_language translates ``next`` to the new language by resolving it in the active
    language. This request has no language prefix, so it would run in Dutch, and an
    English or Arabic page's address would not resolve: the parent would stay on it.
    """
    next_path = urlsplit(request.POST.get("next") or "/").path
    with translation.override(translation.get_language_from_path(next_path) or settings.LANGUAGE_CODE):
        return django_set_language(request)
