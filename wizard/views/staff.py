"""Pages for school staff outside the admin: their invitation and new-password links."""
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404


def admin_shortcut(request, content_type_id, object_id):
    """The admin's "view on site" redirect, with a 404 for an id its model cannot hold.

    Django's shortcut turns ValueError into a 404, but a UUID primary key (Draft's)
    raises ValidationError for "not-a-uuid", which became a 500.
    """
    try:
        return shortcut(request, content_type_id, object_id)
    except ValidationError as error:
        raise Http404(object_id) from error
