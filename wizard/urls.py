"""URLs of the wizard."""
from django.urls import path

from . import views

app_name = "wizard"
urlpatterns = [
    path("", views.start, name="start"),
    path("stap/<slug:slug>/", views.step, name="step"),
    path("controleren/", views.check, name="check"),
    path("voorbereiding.pdf", views.plan_pdf, name="pdf"),
    path("wissen/", views.forget, name="forget"),
    path("opnieuw/", views.start_over, name="start_over"),
    path("als-het-niet-goed-loopt/", views.roadmap, name="roadmap"),
    path("s/<slug:slug>/", views.school, name="school"),
    path("s/<slug:slug>/delen/", views.school_share, name="school_share"),
    path("s/<slug:slug>/qr.png", views.school_qr_png, name="school_qr_png"),
    path("s/<slug:slug>/naar/<slug:name>/", views.outbound_school, name="outbound_school"),
    path("naar/<slug:key>/", views.outbound_contact, name="outbound_contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("na-het-gesprek/", views.after_overview, name="after"),
    path("na-het-gesprek/afsprakenblad.pdf", views.agreements_pdf, name="agreements_pdf"),
    path("na-het-gesprek/afsprakenblad/", views.agreements_text, name="agreements_text"),
    path("na-het-gesprek/agenda.ics", views.calendar_file, name="calendar"),
    path("na-het-gesprek/wat-nu/", views.next_step, name="next_step"),
    path("na-het-gesprek/brief/<slug:key>/", views.letter, name="letter"),
    path("na-het-gesprek/brief/<slug:key>.pdf", views.letter_pdf, name="letter_pdf"),
    path("bewaarcode/", views.share, name="share"),
    path("verder/", views.continue_with_code, name="continue"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Staff pages outside /beheer/, where the admin would ask for a login first.
    path("beheer-uitnodiging/<slug:token>/", views.staff_invite, name="staff_invite"),
    path("beheer-nieuw-wachtwoord/<slug:token>/", views.staff_reset, name="staff_reset"),
    path("beheer-wachtwoord-vergeten/", views.password_forgotten, name="password_forgotten"),
]
