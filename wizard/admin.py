"""Admin registrations. Parents' drafts are deliberately not registered: nobody at a school may read them."""
