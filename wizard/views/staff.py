"""Pages for school staff: their invitation and new-password links, and the admin's "view on site"."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from .. import invites
from ..forms.staff import ChoosePasswordForm
from ..models import StaffInvite


def password_forgotten(request):
    """There is no mail server: the way to a new password is a link from the superuser."""
    return render(request, "staff/password_forgotten.html", {"days": invites.LINK_DAYS})


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def staff_invite(request, token):
    """An invitation: the staff member chooses a password, and the account exists."""
    return _choose_password(request, token, StaffInvite.INVITE)


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
def staff_reset(request, token):
    """A new-password link for an existing account."""
    return _choose_password(request, token, StaffInvite.RESET)


def _choose_password(request, token, kind):
    try:
        invite = invites.find_link(token, kind)
    except invites.LinkUnusable as unusable:
        return link_unusable(request, unusable.reason)
    inviting = kind == StaffInvite.INVITE
    form = ChoosePasswordForm(invites.new_account(invite) if inviting else invite.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        use = invites.accept_invite if inviting else invites.reset_password
        try:
            user = use(invite, form.cleaned_data["new_password1"])
        except invites.LinkUnusable as unusable:  # used in another tab since the page opened
            return link_unusable(request, unusable.reason)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if inviting:
            messages.success(request, _("Welkom. Uw account is klaar. Hier past u de gegevens van uw school aan."))
            return redirect("admin:wizard_school_change", invite.school.pk)
        messages.success(request, _("Uw nieuwe wachtwoord is bewaard. U bent ingelogd."))
        return redirect("admin:index")
    return _keep_secret(render(request, "staff/choose_password.html", {"form": form, "invite": invite, "inviting": inviting}))


def _keep_secret(response):
    # The link's secret is in the page's address. With "strict-origin" the browser sends
    # only our origin as the referrer (with the requests for the style sheet, say), never
    # the path. Not "no-referrer": then the form goes out with "Origin: null", which
    # Django's CSRF check refuses.
    response["Referrer-Policy"] = "strict-origin"
    return response


# (title, text, status) for each reason a link cannot be used.
UNUSABLE = {
    "used": (
        gettext_lazy("Deze link is al gebruikt"),
        gettext_lazy("Een link werkt maar één keer. Heeft u al een wachtwoord gekozen? Log dan in."),
        410,
    ),
    "expired": (gettext_lazy("Deze link is verlopen"), gettext_lazy("Een link werkt %(days)d dagen. Deze link is ouder."), 410),
    "unknown": (
        gettext_lazy("Deze link werkt niet"),
        gettext_lazy("Misschien is de link niet helemaal meegekopieerd. Kijk of u de hele link heeft."),
        404,
    ),
}


def link_unusable(request, reason):
    title, text, status = UNUSABLE[reason]
    context = {"title": title, "text": text % {"days": invites.LINK_DAYS}}
    return _keep_secret(render(request, "staff/link_unusable.html", context, status=status))


def admin_shortcut(request, content_type_id, object_id):
    """The admin's "view on site" redirect, with a 404 for an id its model cannot hold.

    Django's shortcut turns ValueError into a 404, but a UUID primary key (Draft's)
    raises ValidationError for "not-a-uuid", which became a 500.
    """
    try:
        return shortcut(request, content_type_id, object_id)
    except ValidationError as error:
        raise Http404(object_id) from error


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes's lockout page, in our words: a Dutch 429 with Retry-After."""
    minutes = settings.STAFF_LOCKOUT_MINUTES
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "lockout_minutes": minutes}
    response = render(request, "staff/locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
