"""Long links on a phone screen."""
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def breakable_url(url):
    """The link with a place to break after each slash that ends a part ("/s/", not "//").

    Without it a narrow screen breaks the link anywhere, for example inside the school's
    name, where the break looks like a space that is not there.
    """
    return mark_safe(re.sub(r"/(?=[^/])", "/<wbr>", escape(url)))
