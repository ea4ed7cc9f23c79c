"""Thin views, by what they serve: each loads the draft, asks the registry or a service, and renders."""
from .after import agreements_pdf, agreements_text, calendar_file, letter, letter_pdf, next_step  # noqa: F401
from .after import overview as after_overview  # noqa: F401
from .documents import plan_pdf  # noqa: F401
from .errors import (  # noqa: F401
    bad_request,
    csrf_failure,
    page_not_found,
    permission_denied,
    server_error,
    too_many_requests,
)
from .language import set_language  # noqa: F401
from .pages import (  # noqa: F401
    forget,
    outbound_contact,
    outbound_school,
    privacy,
    roadmap,
    robots_txt,
    start_over,
)
from .resume import continue_with_code, share  # noqa: F401
from .schools import school, school_qr_png, school_share  # noqa: F401
from .staff import admin_shortcut, link_unusable, password_forgotten, staff_invite, staff_reset  # noqa: F401
from .wizard import check, start, step  # noqa: F401
