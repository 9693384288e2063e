"""API URLs of this app, mounted under /api/ by smartcv.urls."""

urlpatterns: list = []
