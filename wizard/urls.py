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
    path("privacy/", views.privacy, name="privacy"),
]
