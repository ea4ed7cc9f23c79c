"""Error pages: one Dutch page for every status, and the 429 with Retry-After."""
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def error_page(request, status, title, text, back_to_check=False, retry=False):
    """A Dutch error page; ``retry`` offers a button that asks for the same address again."""
    context = {"title": title, "text": text, "status": status, "back_to_check": back_to_check}
    if retry:
        context["retry_url"] = request.get_full_path()
    return render(request, "error.html", context, status=status)


def too_many_requests(request, retry_after):
    text = ngettext(
        "U heeft dit vaak achter elkaar gevraagd. Wacht even. Over %(seconds)d seconde kunt u het opnieuw proberen. Uw antwoorden zijn bewaard.",
        "U heeft dit vaak achter elkaar gevraagd. Wacht even. Over %(seconds)d seconden kunt u het opnieuw proberen. Uw antwoorden zijn bewaard.",
        retry_after,
    ) % {"seconds": retry_after}
    response = error_page(request, 429, _("Even wachten"), text, back_to_check=True)
    response["Retry-After"] = str(retry_after)
    return response


def bad_request(request, exception=None):
    return error_page(request, 400, _("Dit verzoek klopt niet"), _("Er ging iets mis met wat uw browser stuurde. Ga terug en probeer het nog eens."))


def permission_denied(request, exception=None):
    return error_page(request, 403, _("Dit mag niet"), _("U heeft geen toegang tot deze pagina."))


def csrf_failure(request, reason=""):
    return error_page(
        request,
        403,
        _("De pagina was verlopen"),
        _("Om uw gegevens te beschermen, hebben we dit niet opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog een keer. Staan cookies uit? Zet ze dan aan voor deze website."),
    )


def page_not_found(request, exception=None):
    return error_page(request, 404, _("Deze pagina bestaat niet"), _("Misschien is het adres verkeerd getypt. Of de pagina is verplaatst."))


def server_error(request):
    return error_page(request, 500, _("Er ging iets mis bij ons"), _("Dit is onze fout, niet de uwe. Probeer het over een paar minuten nog eens. Wat u al had opgeslagen, is bewaard."))


def request_too_large(request):
    return error_page(
        request,
        413,
        _("Dit is te veel in één keer"),
        _("Uw browser stuurde meer dan deze website aanneemt. Hier kunt u geen bestanden sturen. Er is niets opgeslagen. Ga terug en probeer het opnieuw met minder tekst."),
    )
